// The phone's words in the runner's language. common/ stays Fitbit-free: the shells pass in a Translate (Fitbit's
// gettext from "i18n" on the phone, sim/phone/i18n.ts in tests and the preview), and the text lives in the .po files
// (settings/i18n/*.po, companion/i18n/*.po). Pure and ES5-safe.
import { fillMessage } from "../watch/format";

/** A message id in, its text in the runner's language out (gettext: the id itself when there is no translation). */
export type Translate = (id: string) => string;

/** Values for a message's {name} placeholders. */
export type MessageValues = { [name: string]: string | number };

/**
 * The message `id` with its {name} placeholders filled from `values`. A placeholder with no value is kept as
 * written ("{n}"), so a missing value shows on the page instead of vanishing.
 */
export var say: (t: Translate, id: string, values?: MessageValues) => string = fillMessage;

/** "1 buzz" / "3 buzzes": `id + "_one"` for exactly one, `id + "_many"` otherwise, with {n}. */
export function sayCount(t: Translate, id: string, n: number, values?: MessageValues): string {
  var v: MessageValues = { n: n };
  if (values) for (var k in values) if (Object.prototype.hasOwnProperty.call(values, k)) v[k] = values[k];
  return say(t, id + (n === 1 ? "_one" : "_many"), v);
}

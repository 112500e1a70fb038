import document from "document";
import { ceilingBpm } from "../common/zones";
const el = document.getElementById("hr") as TextElement;
el.text = String(ceilingBpm(23, 50));

// Sending to the watch: a message as a file (file-transfer queues and retries even when the face is not running;
// the same name replaces a pending older file) and, when the face is connected, also on the peer socket.
import { outbox } from "file-transfer";
import { peerSocket } from "messaging";
import { LinkMessage, utf8Bytes } from "../common/watch/protocol";

/** Resolves to whether the file was queued (false: logged). */
export function sendFile(name: string, message: LinkMessage): Promise<boolean> {
  return outbox.enqueue(name, utf8Bytes(JSON.stringify(message))).then(function () {
    return true;
  }, function (e) {
    console.warn("Could not queue " + name + " for the watch: " + e);
    return false;
  });
}

/** Best effort: the socket loses messages on a disconnect, so anything that matters also goes as a file. */
export function sendMessage(message: LinkMessage): void {
  if (peerSocket.readyState !== peerSocket.OPEN) return;
  try {
    peerSocket.send(message);
  } catch (e) {
    console.warn("Could not message the watch: " + e);
  }
}

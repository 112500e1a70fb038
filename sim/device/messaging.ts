// "messaging" on the watch.
import { SimPeerSocket } from "../socket";

export const peerSocket = new SimPeerSocket("watch");

// "messaging" on the watch.
import { SimPeerSocket } from "../shared/messaging";

export const peerSocket = new SimPeerSocket("watch");

// "messaging" on the phone.
import { SimPeerSocket } from "../socket";

export const peerSocket = new SimPeerSocket("phone");

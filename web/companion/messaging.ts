// "messaging" on the phone.
import { SimPeerSocket } from "../shared/messaging";

export const peerSocket = new SimPeerSocket("phone");

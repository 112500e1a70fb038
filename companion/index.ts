import { ceilingBpm } from "../common/zones";
console.log(ceilingBpm(23, 50));

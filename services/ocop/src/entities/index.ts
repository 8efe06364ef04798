import { OcopCertification } from "./certification";
import { OcopLocalOwner } from "./owner";
import { OcopProduct } from "./product";

export { OcopCertification, OcopLocalOwner, OcopProduct };
export const entities = [OcopCertification, OcopLocalOwner, OcopProduct];

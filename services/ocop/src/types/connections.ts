import { ConnectionType } from "@kttt/core";
import { OcopProduct } from "../entities/product";

export const OcopProductConnection = ConnectionType(OcopProduct, "OcopProduct", "OCOP product (sản phẩm OCOP)");

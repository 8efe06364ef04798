/** Vietnamese number and money formats: 1.300.000.000 đ, or 1,3 tỷ đồng. */
const integer = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat("vi-VN", { style: "percent", maximumFractionDigits: 1 });

/** VND arrives as a string of digits; BigInt keeps it exact for the full form. */
export function vnd(value: string | null | undefined): string {
  if (value === null || value === undefined) return "—";
  return `${integer.format(BigInt(value))} đ`;
}

/** The short form people read in reports: 2,002 tỷ đồng, 288 triệu đồng. */
export function vndShort(value: string | null | undefined): string {
  if (value === null || value === undefined) return "—";
  const n = Number(value);
  const abs = Math.abs(n);
  if (abs >= 1e9) return `${new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 3 }).format(n / 1e9)} tỷ đồng`;
  if (abs >= 1e6) return `${decimal.format(n / 1e6)} triệu đồng`;
  return vnd(value);
}

export function count(value: number | null | undefined): string {
  return value === null || value === undefined ? "—" : integer.format(value);
}

export function share(value: number | null | undefined): string {
  return value === null || value === undefined ? "—" : percent.format(value);
}

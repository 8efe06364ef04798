/**
 * Text typed in the legacy Vietnamese encodings, as it reaches the importer (each byte read as its
 * Latin-1 character), converted to Unicode NFC; and files that carry it (.xlsx cells, a CSV saved in TCVN3).
 */
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fromLegacyText, legacyEncodingOf, openTable, type KindSpec, type TableRow } from "../src";

/** Every lowercase Vietnamese letter with a mark, and đ. */
const LETTERS = "àảãáạăằẳẵắặâầẩẫấậèẻẽéẹêềểễếệìỉĩíịòỏõóọôồổỗốộơờởỡớợùủũúụưừửữứựỳỷỹýỵđ";

describe("legacy Vietnamese encodings", () => {
  it.each([
    ["Hîp t¸c x· N«ng nghiÖp Kú Phó", "Hợp tác xã Nông nghiệp Kỳ Phú", "TCVN3"],
    ["Tæ hîp t¸c Rau s¹ch CÈm B×nh, huyÖn CÈm Xuyªn", "Tổ hợp tác Rau sạch Cẩm Bình, huyện Cẩm Xuyên", "TCVN3"],
    ["NguyÔn V¨n An - §øc Thä - Hµ TÜnh", "Nguyễn Văn An - Đức Thọ - Hà Tĩnh", "TCVN3"],
    ["Hôïp taùc xaõ Noâng nghieäp Kyø Phuù", "Hợp tác xã Nông nghiệp Kỳ Phú", "VNI"],
    ["Toå hôïp taùc Rau saïch Caåm Bình, huyeän Caåm Xuyeân", "Tổ hợp tác Rau sạch Cẩm Bình, huyện Cẩm Xuyên", "VNI"],
    ["Nguyeãn Vaên An - Ñöùc Thoï - Haø Tónh", "Nguyễn Văn An - Đức Thọ - Hà Tĩnh", "VNI"],
    ["HÔÏP TAÙC XAÕ ÑÖÔØNG", "HỢP TÁC XÃ ĐƯỜNG", "VNI"],
    ["Ngöôøi ñaïi dieän: Traàn Thò Bích Ngoïc", "Người đại diện: Trần Thị Bích Ngọc", "VNI"],
  ])("%s is %s", (legacy, unicode, encoding) => {
    expect(fromLegacyText(legacy)).toEqual({ ok: true, text: unicode, encoding });
    expect(unicode.normalize("NFC")).toBe(unicode);
  });

  it("converts every marked letter of TCVN3, byte for byte as the .VnTime fonts store them", () => {
    const bytes = iconv.encode(LETTERS, "tcvn");
    expect(bytes.length).toBe([...LETTERS].length); // one byte per letter: TCVN3's precomposed lowercase
    expect(fromLegacyText(`Chu: ${bytes.toString("latin1")}`)).toEqual({ ok: true, text: `Chu: ${LETTERS}`, encoding: "TCVN3" });
  });

  it("leaves Unicode and plain text alone, however many Latin-1 letters they hold", () => {
    for (const text of [
      "Hợp tác xã Nông nghiệp Kỳ Phú",
      "Xã Sơn Tây, huyện Hương Sơn",
      "HTX Dich vu 3",
      "Thôn 3 · xã Cẩm Bình",
      "Bà Hà",
      "Hà Tĩnh · 2024",
      "Công ty Müller & Søn",
    ]) {
      expect(fromLegacyText(text)).toEqual({ ok: true, text, encoding: null });
    }
  });

  it("reads a short cell as the encoding its column has shown, and refuses text that does not convert cleanly, naming the encoding", () => {
    expect(legacyEncodingOf("Kú")).toBeNull();
    expect(fromLegacyText("Kú", "TCVN3")).toEqual({ ok: true, text: "Kỳ", encoding: "TCVN3" });
    expect(fromLegacyText("Kyø", "VNI")).toEqual({ ok: true, text: "Kỳ", encoding: "VNI" });
    expect(fromLegacyText("TrÇn ThÞ Hoa", "TCVN3")).toEqual({ ok: true, text: "Trần Thị Hoa", encoding: "TCVN3" });
    const refused = fromLegacyText("Hôïp taùc xaõ ÿ");
    expect(refused).toMatchObject({ ok: false, encoding: "VNI", reason: expect.stringMatching(/legacy VNI \(VNI-Times fonts\) encoding/u) });
  });
});

describe("files carrying legacy text", () => {
  const spec: KindSpec = {
    name: "test",
    sheetName: "DS",
    columns: [
      { key: "name", label: "Tên HTX", aliases: [], type: { kind: "text" }, required: true, note: "" },
      { key: "place", label: "Địa chỉ", aliases: [], type: { kind: "text" }, note: "" },
    ],
  };
  let dir: string;
  beforeAll(async () => (dir = await mkdtemp(join(tmpdir(), "kttt-legacy-"))));
  afterAll(() => rm(dir, { recursive: true, force: true }));
  const rowsOf = async (path: string) => {
    const table = await openTable(path, spec);
    const rows: TableRow[] = [];
    for await (const row of table.rows) rows.push(row);
    return { table, rows };
  };

  it("converts an .xlsx column typed in TCVN3, short cells included", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("DS");
    sheet.addRow(["Tªn HTX", "§Þa chØ"]); // a header typed in TCVN3 is not matched: the real sheet's header is Unicode
    sheet.getRow(1).values = ["Tên HTX", "Địa chỉ"];
    sheet.addRow(["Hîp t¸c x· N«ng nghiÖp Kú Phó", "Kú Phó"]);
    sheet.addRow(["Hîp t¸c x· Th­¬ng m¹i CÈm Xuyªn", "CÈm Xuyªn"]);
    const path = join(dir, "tcvn3.xlsx");
    await workbook.xlsx.writeFile(path);
    const { rows } = await rowsOf(path);
    expect(rows.map((r) => r.problems)).toEqual([[], []]);
    expect(rows.map((r) => r.values)).toEqual([
      { name: "Hợp tác xã Nông nghiệp Kỳ Phú", place: "Kỳ Phú" },
      { name: "Hợp tác xã Thương mại Cẩm Xuyên", place: "Cẩm Xuyên" },
    ]);
  });

  it("reads a CSV saved in TCVN3 bytes, and one in Windows-1258", async () => {
    const text = "Tên HTX,Địa chỉ\r\nHợp tác xã Nông nghiệp Kỳ Phú,Xã Kỳ Phú\r\nHợp tác xã Đức Thọ,Thị trấn Đức Thọ\r\n";
    const tcvn = join(dir, "tcvn3.csv");
    // The header line is ASCII-safe in neither encoding: both are written whole in the legacy code page.
    await writeFile(tcvn, iconv.encode(text, "tcvn"));
    const fromTcvn = await rowsOf(tcvn);
    expect(fromTcvn.table.source.description).toMatch(/^TCVN3/u);
    expect(fromTcvn.rows.map((r) => r.values)).toEqual([
      { name: "Hợp tác xã Nông nghiệp Kỳ Phú", place: "Xã Kỳ Phú" },
      { name: "Hợp tác xã Đức Thọ", place: "Thị trấn Đức Thọ" },
    ]);
    const cp1258 = join(dir, "cp1258.csv");
    // Windows-1258 keeps the hats (â, ă, ơ…) precomposed and writes the tone as a combining mark after them.
    const tonesApart = [...text].map((ch) => {
      const parts = ch.normalize("NFD");
      const tone = parts.replace(/[^\u0300\u0301\u0303\u0309\u0323]/gu, "");
      return parts.replace(/[\u0300\u0301\u0303\u0309\u0323]/gu, "").normalize("NFC") + tone;
    });
    await writeFile(cp1258, iconv.encode(tonesApart.join(""), "windows1258"));
    const fromCp1258 = await rowsOf(cp1258);
    expect(fromCp1258.table.source.description).toMatch(/^Windows-1258/u);
    expect(fromCp1258.rows.map((r) => r.values)).toEqual(fromTcvn.rows.map((r) => r.values));
  });
});

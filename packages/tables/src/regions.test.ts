import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import {
  REGIONS,
  regionByCode,
  regionByTaxBureauCode,
  regionOfInvoiceNumber,
  taxBureauCodeFor,
} from "./regions.js";

/** 国家统计局 2023 province list, read in place from ../shared (code = 2 digits). */
const provincesCsv = parse(
  readFileSync(new URL("../../../../shared/data/regions/provinces.csv", import.meta.url)),
  {
    columns: true,
  },
) as { code: string; name: string }[];

describe("regions", () => {
  it("lists the 31 provinces with the statistics bureau's codes and names", () => {
    const provinces = REGIONS.filter((region) => region.kind !== "separatelyPlannedCity");
    expect(provincesCsv).toHaveLength(31);
    expect(provinces.map((region) => [region.code, region.zh])).toEqual(
      provincesCsv.map((province) => [`${province.code}0000`, province.name]),
    );
  });

  it("lists the five 计划单列市, their invoice-number codes unverified", () => {
    const cities = REGIONS.filter((region) => region.kind === "separatelyPlannedCity");
    expect(cities.map((city) => city.zh).sort()).toEqual(
      ["厦门市", "大连市", "宁波市", "深圳市", "青岛市"].sort(),
    );
    for (const city of cities) {
      expect(city.verified).toBe(false);
      expect(city.invoiceNumberCode).toBeUndefined();
    }
  });

  it("builds tax-bureau codes as 1 + region + 0000", () => {
    expect(taxBureauCodeFor("440000")).toBe("14400000000");
    expect(regionByTaxBureauCode("14400000000")?.taxBureauName).toBe("国家税务总局广东省税务局");
    expect(regionByTaxBureauCode("13300000000")?.zh).toBe("浙江省");
    expect(regionByTaxBureauCode("13200000000")?.zh).toBe("江苏省");
    expect(regionByCode("440300")?.taxBureauCode).toBe("14403000000");
    expect(regionByCode("440300")?.taxBureauName).toBe("国家税务总局深圳市税务局");
  });

  it("reads the province from digits 3–4 of the sample invoice numbers", () => {
    expect(regionOfInvoiceNumber("24442000000036916313")?.zh).toBe("广东省");
    expect(regionOfInvoiceNumber("23440000000000100001")?.en).toBe("Guangdong");
    expect(regionOfInvoiceNumber("26507000000098298342")?.zh).toBe("重庆市");
    expect(regionOfInvoiceNumber("24992000000036916313")).toBeUndefined();
    expect(regionOfInvoiceNumber("2444200000003691631")).toBeUndefined();
  });

  it("lets a configured code name a 计划单列市", () => {
    const options = { invoiceNumberCodes: { "99": "440300" } };
    expect(regionOfInvoiceNumber("24992000000036916313", options)?.zh).toBe("深圳市");
    expect(regionOfInvoiceNumber("24442000000036916313", options)?.zh).toBe("广东省");
  });

  it("labels every region in Chinese and English", () => {
    expect(REGIONS).toHaveLength(36);
    for (const region of REGIONS) {
      expect(region.zh).not.toBe("");
      expect(region.en).not.toBe("");
    }
  });
});

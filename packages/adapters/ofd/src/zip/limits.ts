/**
 * The bounds an OFD file must stay within before anything in it is inflated or parsed. OFD invoices are
 * small (the samples are 14 KB and 46 KB, a dozen entries); the limits leave room for multi-page documents
 * with images while refusing archives built to exhaust memory or time.
 */
import { XML_LIMITS, type XmlLimits } from "@efapiao/sta-xml";

export interface OfdLimits {
  /** Size of the OFD file itself. */
  maxArchiveBytes: number;
  /** Entries in the zip's central directory; checked before any entry is read. */
  maxEntries: number;
  /** Uncompressed size of one entry, as declared and as actually inflated. */
  maxEntryBytes: number;
  /** Sum of the declared uncompressed sizes of all entries. */
  maxTotalBytes: number;
  /** Uncompressed ÷ compressed size of an entry larger than {@link RATIO_FLOOR} bytes. */
  maxRatio: number;
  /** Characters in an entry name. */
  maxPathLength: number;
  /** Limits of each XML part (size, depth), as for the platform's XML. */
  xml: XmlLimits;
}

/** Entries smaller than this are not held to the ratio: however well they compress, they stay small. */
export const RATIO_FLOOR = 64 * 1024;

export const OFD_LIMITS: OfdLimits = {
  maxArchiveBytes: 32 * 1024 * 1024,
  maxEntries: 1000,
  maxEntryBytes: 16 * 1024 * 1024,
  maxTotalBytes: 64 * 1024 * 1024,
  maxRatio: 100,
  maxPathLength: 260,
  xml: XML_LIMITS,
};

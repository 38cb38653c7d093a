/**
 * ExcelJS 4.4's own serialisers for what its streaming writer leaves out (Excel tables and their
 * content types), used by stream.ts so the streamed file carries the same XML the in-memory
 * writer produces. Internal modules of ExcelJS (no "exports" map; the version is pinned by the
 * lock); test/xlsx/stream.test.ts compares both writers part by part.
 */
declare module "exceljs/lib/doc/table" {
  /** A table model as ExcelJS's Table completes it (`validate()` fills in refs and defaults). */
  class Table {
    table: Record<string, unknown>;
    validate(): void;
  }
  export = Table;
}

declare module "exceljs/lib/xlsx/xform/table/table-xform" {
  class TableXform {
    prepare(model: unknown, options: unknown): void;
    toXml(model: unknown): string;
  }
  export = TableXform;
}

declare module "exceljs/lib/xlsx/xform/core/content-types-xform" {
  class ContentTypesXform {
    toXml(model: unknown): string;
  }
  export = ContentTypesXform;
}

declare module "exceljs/lib/xlsx/xform/list-xform" {
  class ListXform {
    constructor(options: { tag: string; count?: boolean; childXform: unknown });
    toXml(model: unknown): string;
  }
  export = ListXform;
}

declare module "exceljs/lib/xlsx/xform/sheet/table-part-xform" {
  class TablePartXform {}
  export = TablePartXform;
}

declare module "exceljs/lib/xlsx/rel-type" {
  const RelType: { readonly Table: string };
  export = RelType;
}

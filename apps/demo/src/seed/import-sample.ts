import { importSample } from "@staffroom/core/fixtures";
import Papa from "papaparse";

/** Harbor's role and location names as the seed makes them; the sample uses every one but Administrator. */
const HARBOR_ROLES = ["Front Desk", "Provider", "Billing Manager", "Read-only Staff", "Medical Assistant"];
const HARBOR_LOCATIONS = ["Downtown Clinic", "Northside Clinic", "Bayview Clinic"];

/**
 * The demo's import sample (Settings › Users › Import): 200 Harbor staff, 12 rows wrong in 12
 * different ways (core's `importSample`), as the CSV in `public/samples/harbor-staff-import.csv`
 * (UTF-8 with a BOM, CRLF, Excel's formula guard). A unit test keeps the file equal to this.
 *
 * @example await writeFile("public/samples/harbor-staff-import.csv", harborImportSampleCsv());
 */
export function harborImportSampleCsv(): string {
  const { columns, rows } = importSample({
    roles: HARBOR_ROLES,
    locations: HARBOR_LOCATIONS,
    domain: "staff.harbor.example",
    count: 200,
  });
  return `\uFEFF${Papa.unparse([columns, ...rows], { escapeFormulae: true, newline: "\r\n" })}`;
}

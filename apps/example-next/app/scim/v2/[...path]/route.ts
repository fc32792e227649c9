import { scim } from "../../../../server/staffroom";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export { scim as DELETE, scim as GET, scim as PATCH, scim as POST, scim as PUT };

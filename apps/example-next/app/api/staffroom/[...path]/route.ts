import { rest } from "../../../../server/staffroom";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export { rest as DELETE, rest as GET, rest as OPTIONS, rest as PATCH, rest as POST };

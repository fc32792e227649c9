import * as z from "zod/mini";

/**
 * A page of `item`: the items, the total count of matches (ignoring the cursor) and the cursor of
 * the next page, or null on the last page.
 *
 * @example PageSchema(UserSchema).parse(await admin.users.list()).nextCursor
 */
export const PageSchema = <S extends z.ZodMiniType>(item: S) =>
  z.strictObject({ items: z.array(item), total: z.int(), nextCursor: z.nullable(z.string()) });

/**
 * A page of results.
 *
 * @example { items: [...], total: 1234, nextCursor: "eyJ…" }
 */
export type Page<T> = z.output<ReturnType<typeof PageSchema<z.ZodMiniType<T>>>>;

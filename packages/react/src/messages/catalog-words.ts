import type { Messages } from "./messages";

/**
 * A permission module's label in the host's words (`messages.roles.catalog.modules`), else core's.
 *
 * @example moduleWords(m, "billing", "Billing") // "Facturación" in Spanish
 */
export function moduleWords(m: Messages, key: string, label: string): string {
  return m.roles.catalog.modules[key] ?? label;
}

/**
 * A permission's label in the host's words (`messages.roles.catalog.permissions`), else core's.
 *
 * @example permissionWords(m, "calendar.view", "View appointments")
 */
export function permissionWords(m: Messages, permission: string, label: string): string {
  return m.roles.catalog.permissions[permission] ?? label;
}

/**
 * Screens a permission or role opens, in the host's words (`messages.roles.catalog.screens`), else core's.
 *
 * @example screenWords(m, ["Settings › Users"]) // ["Configuración › Usuarios"] in Spanish
 */
export function screenWords(m: Messages, screens: readonly string[]): string[] {
  return screens.map((screen) => m.roles.catalog.screens[screen] ?? screen);
}

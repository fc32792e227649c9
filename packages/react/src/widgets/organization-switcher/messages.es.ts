import type { SwitcherMessages } from "./messages";

/**
 * Spanish (es-US) strings of OrganizationSwitcher; typed as the whole {@link SwitcherMessages}.
 *
 * @example spanishSwitcherMessages.caption // "Organización"
 */
export const spanishSwitcherMessages: SwitcherMessages = {
  loading: "Cargando…",
  switchHint: "Cambiar de organización",
  caption: "Organización",
  menuLabel: "Sus organizaciones",
  current: "Actual",
  switching: (name) => `Cambiando a ${name}…`,
  loadError: "No se pudieron cargar sus organizaciones.",
  switchError: "No se pudo cambiar de organización",
  retry: "Intentar de nuevo",
};

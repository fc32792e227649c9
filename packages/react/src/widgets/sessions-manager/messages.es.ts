import type { SessionsMessages } from "./messages";

const n = (value: number): string => value.toLocaleString("es-US");

/**
 * Spanish (es-US) strings of SessionsManager; typed as the whole {@link SessionsMessages}.
 *
 * @example spanishSessionsMessages.client({ browser: "Chrome", system: "Windows" }) // "Chrome en Windows"
 */
export const spanishSessionsMessages: SessionsMessages = {
  title: "Con sesión iniciada ahora",
  description:
    "Quién tiene sesión iniciada en esta organización, desde qué navegador y red, y desde cuándo. Finalice una sesión para cerrarle la sesión a esa persona de inmediato.",
  loading: "Cargando…",
  loadError: "No se pudieron cargar las sesiones.",
  empty: "Nadie tiene sesión iniciada en este momento.",
  emptyHint:
    "Las sesiones aparecen aquí mientras las personas tienen sesión iniciada; terminan tras el límite de inactividad.",
  tableLabel: "Sesiones iniciadas",
  columns: {
    person: "Persona",
    from: "Inició sesión desde",
    since: "Inició sesión",
    lastActive: "Última actividad",
    ends: "Termina",
    actions: "Acciones",
  },
  client: (client) => {
    if (!client || (!client.browser && !client.system)) return "Navegador desconocido";
    if (!client.system) return client.browser ?? "Navegador desconocido";
    return `${client.browser ?? "Navegador desconocido"} en ${client.system}`;
  },
  network: (network) => (network ? `Red ${network}` : "Red no registrada"),
  ends: (idle, absolute) => `${idle} si está inactiva; ${absolute} como máximo`,
  you: "Usted",
  end: "Finalizar sesión",
  endLabel: (name) => `Finalizar la sesión de ${name}`,
  confirmTitle: (name) => `¿Finalizar la sesión de ${name}?`,
  confirmBody: (name, client) =>
    `Se cierra de inmediato la sesión de ${name} en ${client} y deberá iniciar sesión de nuevo. Se perderá todo lo que no se haya guardado en esa ventana. Sus otras sesiones se mantienen.`,
  confirm: "Finalizar sesión",
  ended: (name) => `Se finalizó la sesión de ${name}.`,
  dismiss: "Cerrar aviso",
  refresh: "Actualizar",
  count: (total) => (total === 1 ? "1 sesión" : `${n(total)} sesiones`),
  pagination: "Páginas de sesiones",
  range: (from, to, total) => `${n(from)}–${n(to)} de ${n(total)}`,
  previousPage: "Página anterior",
  nextPage: "Página siguiente",
};

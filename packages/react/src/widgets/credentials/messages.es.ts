import type { CredentialsMessages } from "./messages";

const n = (value: number): string => value.toLocaleString("es-US");

/** Spanish (es-US) strings of the provider credentials, part of `spanishMessages`. */
export const spanishCredentialsMessages: CredentialsMessages = {
  legend: "Licencias y certificaciones",
  hint: "Licencias estatales, registros de la DEA y certificaciones de la junta, con la fecha en que vence cada una.",
  none: "No hay credenciales registradas.",
  kind: "Tipo",
  kinds: {
    state_licence: "Licencia estatal",
    dea: "Registro de la DEA",
    board_certification: "Certificación de la junta",
  },
  number: "Número",
  state: "Estado",
  noState: "—",
  issuer: "Emitida por",
  expiresOn: "Vence el",
  expiresOnHint: "Déjelo vacío si no vence.",
  add: "Agregar credencial",
  rowLabel: (position, kind) => `Credencial ${n(position)}: ${kind}`,
  remove: "Quitar",
  removeLabel: (position, kind) => `Quitar la credencial ${n(position)} (${kind})`,
  listError: "Revise las credenciales.",
  badge: (alert) =>
    alert.standing === "expired"
      ? "Vencida"
      : alert.days === 0
        ? "Vence hoy"
        : alert.days === 1
          ? "Vence mañana"
          : `Vence en ${n(alert.days)} días`,
  badgeTitle: (alert) =>
    alert.standing === "expired"
      ? `Una credencial venció el ${alert.expiresOn}`
      : `Una credencial vence el ${alert.expiresOn}`,
  filterLabel: "Credenciales",
  filterAny: "Cualquier credencial",
  filterExpiring: "Vencen en los próximos 30 días",
  filterExpired: "Credenciales vencidas",
};

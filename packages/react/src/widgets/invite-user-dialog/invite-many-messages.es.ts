import type { InviteManyMessages } from "./invite-many-messages";

const n = (value: number): string => value.toLocaleString("es-US");

/** Spanish (es-US) strings of InviteManyDialog ("Invitar a varios"), part of `spanishMessages`. */
export const spanishInviteManyMessages: InviteManyMessages = {
  title: "Invitar a varias personas",
  description:
    "Pegue sus direcciones de correo electrónico y asígneles un rol y las mismas ubicaciones. Cada persona recibe su propia invitación; si una no se puede enviar, las demás se envían igual.",
  emails: "Direcciones de correo electrónico",
  emailsHint:
    "Una por línea, o separadas por comas. Para indicar el nombre de alguien, escriba Nombre Apellido <correo>.",
  emailsRequired: "Escriba al menos una dirección de correo electrónico.",
  counted: (count) => (count === 1 ? "1 dirección" : `${n(count)} direcciones`),
  submit: (count) =>
    count === 0
      ? "Enviar invitaciones"
      : count === 1
        ? "Enviar 1 invitación"
        : `Enviar ${n(count)} invitaciones`,
  resultsTitle: "Invitaciones enviadas",
  summary: (succeeded, failed) =>
    failed === 0
      ? succeeded === 1
        ? "Se invitó a 1 persona."
        : `Se invitó a ${n(succeeded)} personas.`
      : `${n(succeeded)} invitadas, ${n(failed)} sin invitar.`,
  resultsLabel: "Resultado de cada dirección",
  columns: { email: "Correo electrónico", result: "Resultado" },
  invited: "Invitada",
  invitedAs: (name) => `como ${name}`,
  notInvited: "Sin invitar",
  retryFailed: "Volver a intentar con las demás",
  done: "Listo",
};

import type { DefaultPermission, defaultModules } from "@staffroom/core";
import type { RolesMessages } from "./messages";

type Modules = typeof defaultModules;
/** Every screen the default catalog names ("Settings › Users"). */
type DefaultScreen = {
  [M in keyof Modules]: {
    [A in keyof Modules[M]["actions"]]: Modules[M]["actions"][A] extends {
      readonly screens: readonly (infer S)[];
    }
      ? S
      : never;
  }[keyof Modules[M]["actions"]];
}[keyof Modules];

// The default catalog in Spanish, every module, permission and screen named (checked by the types).
const modules: Readonly<Record<keyof Modules, string>> = {
  calendar: "Calendario",
  billing: "Facturación",
  clinical: "Clínico",
  users: "Usuarios",
  roles: "Roles",
  locations: "Ubicaciones",
  audit: "Auditoría",
  organization: "Organización",
};
const permissions: Readonly<Record<DefaultPermission, string>> = {
  "calendar.view": "Ver citas",
  "calendar.create": "Crear citas",
  "calendar.delete": "Eliminar citas",
  "billing.process_payments": "Procesar pagos",
  "billing.issue_refunds": "Emitir reembolsos",
  "billing.view_revenue": "Ver informes de ingresos",
  "clinical.view_charts": "Acceder a expedientes de pacientes",
  "clinical.write_notes": "Escribir notas",
  "clinical.manage_medications": "Gestionar medicamentos",
  "users.view": "Ver usuarios",
  "users.manage": "Administrar usuarios",
  "roles.manage": "Administrar roles",
  "locations.manage": "Administrar ubicaciones",
  "audit.view": "Ver el registro de auditoría",
  "organization.manage": "Administrar la configuración de la organización",
};
const screens: Readonly<Record<DefaultScreen, string>> = {
  Calendar: "Calendario",
  "Billing › Payments": "Facturación › Pagos",
  "Billing › Reports": "Facturación › Informes",
  Charts: "Expedientes",
  "Charts › Notes": "Expedientes › Notas",
  "Charts › Medications": "Expedientes › Medicamentos",
  "Settings › Users": "Configuración › Usuarios",
  "Settings › Roles": "Configuración › Roles",
  "Settings › Locations": "Configuración › Ubicaciones",
  "Settings › Audit": "Configuración › Auditoría",
  "Settings › Organization": "Configuración › Organización",
};

const count = (n: number, one: string, many: string): string =>
  `${n.toLocaleString("es-US")} ${n === 1 ? one : many}`;

/**
 * Spanish (es-US) strings of RolesManager and PermissionMatrix; typed as the whole
 * {@link RolesMessages}, so a key added in English and missing here fails the typecheck.
 *
 * @example spanishRolesMessages.users(4) // "4 usuarios"
 */
export const spanishRolesMessages: RolesMessages = {
  loading: "Cargando…",
  title: "Roles",
  description:
    "Qué puede hacer cada rol y qué pantallas abre. Los cambios esperan a Guardar y luego se aplican a todas las personas con ese rol.",
  loadError: "No se pudieron cargar los roles.",
  listLabel: "Roles",
  createRole: "Nuevo rol",
  users: (n) => (n === 0 ? "Sin usuarios" : count(n, "usuario", "usuarios")),
  administrator: "Administrador",
  yourRole: "Su rol",
  opens: "Abre",
  opensNothing: "Todavía no abre ninguna pantalla: active un permiso abajo.",
  screensSummary: (screens) =>
    screens.length === 0
      ? "Ninguna pantalla"
      : screens.length <= 2
        ? screens.join(", ")
        : `${screens.slice(0, 2).join(", ")} +${screens.length - 2}`,
  rename: "Cambiar nombre",
  delete: "Eliminar rol",
  readOnly: "Puede ver los roles, pero no modificarlos.",
  empty: "Todavía no hay roles. Cree uno a partir de una plantilla para empezar.",
  created: (name) => `Se creó el rol ${name}.`,
  renamed: (name) => `Se guardó el rol ${name}.`,
  deleted: (name) => `Se eliminó el rol ${name}.`,
  dismiss: "Cerrar aviso",
  holdersLink: (name, users) =>
    `Ver ${users === 1 ? "la persona que tiene" : `las ${count(users, "persona", "personas")} que tienen`} ${name}`,
  unsavedBadge: "Cambios sin guardar",
  catalog: { modules, permissions, screens },
  form: {
    createTitle: "Nuevo rol",
    createDescription:
      "Parta de una plantilla y ajuste sus permisos después. Solo puede otorgar permisos que usted mismo tiene.",
    editTitle: (name) => `Cambiar el nombre de ${name}`,
    editDescription: "El nuevo nombre aparece dondequiera que se elija el rol.",
    name: "Nombre",
    description: "Descripción",
    template: "Partir de",
    blank: "Sin permisos",
    blankHint: "Un rol vacío; active los permisos uno por uno.",
    templateNeedsMore: "Incluye permisos que usted no tiene.",
    submitCreate: "Crear rol",
    submitEdit: "Guardar",
    staleTitle: "Otra persona modificó este rol",
    staleBody:
      "Sus cambios no se guardaron. Vuelva a cargar para ver la versión más reciente e inténtelo de nuevo.",
  },
  confirmDelete: {
    title: (name) => `¿Eliminar el rol ${name}?`,
    body: "Se quitan el rol y sus permisos. Esta acción no se puede deshacer.",
    confirm: "Eliminar rol",
    inUse: (name, users) =>
      `${count(users, "persona tiene", "personas tienen")} el rol ${name}. Asígneles otro rol en Usuarios y luego elimínelo.`,
  },
  matrix: {
    label: (role) => `Permisos de ${role}`,
    moduleCount: (allowed, total) => `${allowed} de ${total}`,
    screens: (screens) => `Abre ${screens.join(", ")}`,
    notHeld: "Usted no tiene este permiso, así que no puede otorgarlo ni quitarlo.",
    readOnly: "Solo lectura",
    unsavedMark: "Sin guardar",
    pending: (changes) => `${count(changes, "cambio sin guardar", "cambios sin guardar")}.`,
    applies: (holders) =>
      holders === 0
        ? "Nadie tiene este rol todavía."
        : `Se aplica a ${count(holders, "persona", "personas")}.`,
    save: "Guardar",
    discard: "Descartar",
    savedAll: (role, holders) =>
      holders === 0
        ? `Se guardaron los permisos de ${role}.`
        : `Se guardaron los permisos de ${role}. Ya se aplican a ${count(holders, "persona", "personas")}.`,
    discarded: "Se descartaron sus cambios.",
    refusedTitle: "No se guardaron los cambios",
    staleTitle: "Este rol cambió desde que lo abrió",
    staleBody:
      "Sus cambios no se guardaron. Vuelva a cargar para ver los permisos actuales; sus cambios se mantienen preparados encima de ellos.",
    rebased: (changes) =>
      `Se cargaron los permisos actuales y ${changes === 1 ? "su cambio quedó preparado" : `sus ${count(changes, "cambio", "cambios")} quedaron preparados`} encima de ellos. Revíselos y guarde.`,
  },
};

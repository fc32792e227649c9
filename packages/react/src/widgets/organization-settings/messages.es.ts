import type { OrganizationSettingsMessages } from "./messages";

const n = (value: number): string => value.toLocaleString("es-US");

/**
 * Spanish (es-US) strings of OrganizationSettings; typed as the whole
 * {@link OrganizationSettingsMessages}, so a key missing here fails the typecheck.
 *
 * @example spanishOrganizationSettingsMessages.seats.usage(28, 50) // "28 de 50 en uso"
 */
export const spanishOrganizationSettingsMessages: OrganizationSettingsMessages = {
  loading: "Cargando…",
  title: "Organización",
  description:
    "El nombre de la práctica, las funciones opcionales que usa y los puestos y licencias que paga.",
  loadError: "No se pudo cargar la configuración de la organización.",
  readOnly: "Puede ver esta configuración, pero no modificarla.",
  sections: {
    general: "General",
    features: "Funciones",
    seats: "Puestos",
    licences: "Tipos de licencia",
    providerTypes: "Tipos de proveedor",
    mainContact: "Contacto principal",
    sessions: "Sesiones",
  },
  name: "Nombre de la organización",
  feature: {
    mobileApp: "Aplicación móvil",
    providerDirectory: "Directorio de proveedores",
    caseManagement: "Gestión de casos",
    diary: "Agenda",
  },
  featureHint: {
    mobileApp: "El personal puede iniciar sesión en la aplicación móvil; necesita un teléfono principal.",
    providerDirectory:
      "Los profesionales clínicos reciben credenciales de proveedor: NPI, taxonomía, biografía, capacidad y programación de citas.",
    caseManagement: "El personal puede figurar como administrador de casos en los perfiles de pacientes.",
    diary: "Los profesionales clínicos pueden tener una columna en la agenda.",
  },
  seats: {
    named: "Usuarios nominales",
    namedHint: "Usuarios activos e invitados.",
    practitioners: "Profesionales clínicos",
    practitionersHint: "Usuarios que atienden pacientes.",
    concurrent: "Con sesión simultánea",
    concurrentHint:
      "Sesiones abiertas al mismo tiempo; se rechaza un nuevo inicio de sesión que supere el límite.",
    limit: (seat) => `Límite de ${seat.toLocaleLowerCase("es-US")}`,
    limitHint: "Deje un límite vacío para tener puestos ilimitados.",
    unlimited: "Ilimitado",
    usage: (used, limit) =>
      limit === null ? `${n(used)} en uso · ilimitado` : `${n(used)} de ${n(limit)} en uso`,
    usageLabel: (seat) => `${seat} en uso`,
  },
  licences: {
    hint: "Licencias que los usuarios pueden tener, cada una con sus propios puestos (por ejemplo, la aplicación móvil).",
    label: "Etiqueta",
    key: "Clave",
    keyHint: "Letras minúsculas, dígitos, - o _. No se puede cambiar después de guardarla.",
    seats: "Puestos",
    add: "Agregar tipo de licencia",
    remove: (label) => `Quitar ${label || "este tipo de licencia"}`,
    row: (i) => `Tipo de licencia ${i}`,
    empty: "Todavía no hay tipos de licencia.",
  },
  providerTypes: {
    hint: "Los tipos de proveedor que pueden ser los usuarios, por ubicación (por ejemplo, MD, RN).",
    type: (i) => `Tipo de proveedor ${i}`,
    add: "Agregar tipo de proveedor",
    remove: (type) => `Quitar ${type || "este tipo de proveedor"}`,
    empty: "Todavía no hay tipos de proveedor.",
  },
  sessionLimits: {
    hint: "Cuándo se cierra la sesión de las personas automáticamente. Un límite más corto se aplica de inmediato a quienes ya tienen sesión iniciada; uno más largo se aplica a los nuevos inicios de sesión.",
    idle: "Cerrar sesión tras inactividad (minutos)",
    idleHint: (min, max) => `De ${min} a ${max} minutos sin usar Staffroom.`,
    lifetime: "Cerrar sesión después de (horas)",
    lifetimeHint: (min, max) =>
      `De ${min} a ${max} horas después de iniciar sesión, aunque haya actividad. No puede ser menor que el límite de inactividad.`,
  },
  belowUse: {
    title: "¿Guardar un límite de puestos menor que los que están en uso?",
    intro: "Estos límites son menores que los puestos ya ocupados:",
    item: (seat, limit, used) => `${seat}: ${n(limit)}, con ${n(used)} en uso.`,
    consequence: {
      named: (limit) =>
        `No se desactiva a nadie. Hasta que haya menos de ${n(limit)} usuarios activos o invitados, se rechaza agregar, invitar o restaurar usuarios.`,
      practitioners: (limit) =>
        `Nadie pierde la marca de profesional clínico. Hasta que haya menos de ${n(limit)} profesionales clínicos, no se puede designar a nadie más.`,
      concurrent: (limit) =>
        `No se cierra la sesión de nadie. Hasta que haya menos de ${n(limit)} sesiones abiertas, se rechazan los nuevos inicios de sesión.`,
      licence: (limit) =>
        `Nadie pierde la licencia. Hasta que menos de ${n(limit)} usuarios la tengan, no se puede asignar a nadie más.`,
    },
    confirm: "Guardar de todos modos",
  },
  save: "Guardar cambios",
  discard: "Descartar cambios",
  saved: "Se guardó la configuración de la organización.",
  dismiss: "Cerrar aviso",
  staleTitle: "Otra persona modificó esta configuración",
  staleBody:
    "Sus cambios no se guardaron. Vuelva a cargar para ver la configuración más reciente y haga sus cambios de nuevo.",
  mainContact: {
    hint: "Solo el contacto principal puede quitar o degradar administradores, y solo esa persona puede traspasar este rol a otro administrador activo.",
    current: "Contacto principal actual",
    you: (name) => `${name} (usted)`,
    unknown: "Sin asignar",
    handOverTo: "Traspasar a",
    choose: "Elija un administrador",
    handOver: "Traspasar",
    onlyMainContact: "Solo el contacto principal puede traspasar este rol.",
    noCandidates: "No hay otro administrador activo a quien traspasarlo.",
    confirmTitle: (name) => `¿Hacer a ${name} el contacto principal?`,
    confirmBody:
      "Será quien pueda quitar o degradar administradores y traspasar este rol. Usted sigue siendo administrador.",
    confirm: "Traspasar",
    done: (name) => `${name} es ahora el contacto principal.`,
  },
};

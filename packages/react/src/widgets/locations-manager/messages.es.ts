import type { LocationsMessages } from "./messages";

const count = (n: number, one: string, many: string): string =>
  `${n.toLocaleString("es-US")} ${n === 1 ? one : many}`;

/**
 * Spanish (es-US) strings of LocationsManager; typed as the whole {@link LocationsMessages}, so a
 * key added in English and missing here fails the typecheck.
 *
 * @example spanishLocationsMessages.count(5, 1) // "5 ubicaciones · 1 archivada"
 */
export const spanishLocationsMessages: LocationsMessages = {
  loading: "Cargando…",
  title: "Ubicaciones",
  description:
    "Las clínicas y sedes de la organización. El personal recibe acceso por ubicación, y cada persona tiene una principal.",
  loadError: "No se pudieron cargar las ubicaciones.",
  tableLabel: "Ubicaciones",
  columns: { name: "Nombre", group: "Grupo", status: "Estado", actions: "Acciones" },
  active: "Activa",
  archived: "Archivada",
  noGroup: "Sin grupo",
  createLocation: "Nueva ubicación",
  edit: "Editar",
  editLabel: (name) => `Editar ${name}`,
  archive: "Archivar",
  archiveLabel: (name) => `Archivar ${name}`,
  count: (active, archived) =>
    archived === 0
      ? count(active, "ubicación", "ubicaciones")
      : `${count(active, "ubicación", "ubicaciones")} · ${count(archived, "archivada", "archivadas")}`,
  empty: "Todavía no hay ubicaciones",
  emptyHint: "Una organización necesita una ubicación antes de invitar a alguien.",
  readOnly: "Puede ver las ubicaciones, pero no modificarlas.",
  created: (name) => `Se agregó ${name}.`,
  updated: (name) => `Se guardó ${name}.`,
  archivedDone: (name) => `Se archivó ${name}.`,
  dismiss: "Cerrar aviso",
  form: {
    createTitle: "Nueva ubicación",
    createDescription: "Una clínica, centro o sede. Podrá dar acceso al personal una vez que exista.",
    editTitle: (name) => `Editar ${name}`,
    editDescription: "Cambie el nombre de la ubicación o muévala a otro grupo.",
    name: "Nombre",
    group: "Grupo",
    groupHint: "Agrupa ubicaciones, como una región. Opcional.",
    submitCreate: "Agregar ubicación",
    submitEdit: "Guardar",
    staleTitle: "Otra persona modificó esta ubicación",
    staleBody:
      "Sus cambios no se guardaron. Vuelva a cargar para ver la versión más reciente e inténtelo de nuevo.",
  },
  confirmArchive: {
    title: (name) => `¿Archivar ${name}?`,
    body: "Deja de aparecer en las listas de ubicaciones; el historial y los accesos existentes se mantienen. Esto no se puede deshacer aquí.",
    confirm: "Archivar ubicación",
    inUse: (name, users) =>
      `${count(users, "persona tiene", "personas tienen")} ${name} como ubicación principal. Asígneles primero otra ubicación principal.`,
  },
};

/** The version a write is based on (R12). @example { version: 3 } */
export interface VersionOption {
  readonly version: number;
}

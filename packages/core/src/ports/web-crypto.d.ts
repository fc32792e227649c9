// Core runs on any Web-standard runtime (browsers, Node ≥ 20, Deno, Bun, workers). It uses only
// these globals; declaring them here keeps DOM and Node types out of core (DESIGN §1).
interface StaffroomSubtleCrypto {
  digest(algorithm: "SHA-256", data: Uint8Array): Promise<ArrayBuffer>;
  importKey(
    format: "raw",
    keyData: Uint8Array,
    algorithm: "PBKDF2",
    extractable: false,
    usages: ["deriveBits"],
  ): Promise<unknown>;
  deriveBits(
    algorithm: { name: "PBKDF2"; hash: "SHA-256"; salt: Uint8Array; iterations: number },
    baseKey: unknown,
    length: number,
  ): Promise<ArrayBuffer>;
}
declare const crypto: {
  readonly subtle: StaffroomSubtleCrypto;
  getRandomValues<T extends Uint8Array>(array: T): T;
};
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
declare function btoa(data: string): string;
declare function atob(data: string): string;

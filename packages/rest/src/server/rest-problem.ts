import type { ErrorCode, FieldIssue } from "@staffroom/core";
import { PROBLEM_TYPE_BASE, type ProblemDocument } from "../shared/problem";

/**
 * A transport-level refusal that is not a DirectoryError of its own status: an oversized body (413),
 * a wrong media type (415), an unknown method (405). It carries the nearest error `code`, so the
 * client still rebuilds a DirectoryError.
 *
 * @example throw new RestProblem({ status: 413, name: "payload_too_large", title: "Body too large", detail: "…", code: "validation" });
 */
export class RestProblem extends Error {
  override readonly name = "RestProblem";
  readonly status: number;
  readonly problemName: string;
  readonly title: string;
  readonly code: ErrorCode;
  readonly issues: readonly FieldIssue[];
  readonly headers: Readonly<Record<string, string>>;

  constructor(init: {
    status: number;
    name: string;
    title: string;
    detail: string;
    code: ErrorCode;
    issues?: readonly FieldIssue[];
    headers?: Record<string, string>;
  }) {
    super(init.detail);
    this.status = init.status;
    this.problemName = init.name;
    this.title = init.title;
    this.code = init.code;
    this.issues = init.issues ?? [];
    this.headers = init.headers ?? {};
  }

  /** The problem document. @example problem.toProblem().status // 413 */
  toProblem(): ProblemDocument {
    return {
      type: `${PROBLEM_TYPE_BASE}${this.problemName}`,
      title: this.title,
      status: this.status,
      detail: this.message,
      code: this.code,
      ...(this.issues.length ? { issues: this.issues } : {}),
    };
  }
}

/** Shorthands for the transport problems. @example throw transport.tooLarge(settings.maxBodyBytes); */
export const transport = {
  tooLarge: (max: number): RestProblem =>
    new RestProblem({
      status: 413,
      name: "payload_too_large",
      title: "Body too large",
      detail: `The request body is larger than ${max} bytes.`,
      code: "validation",
      issues: [{ path: [], code: "too_large", message: `The request body is larger than ${max} bytes.` }],
    }),
  mediaType: (): RestProblem =>
    new RestProblem({
      status: 415,
      name: "unsupported_media_type",
      title: "Unsupported media type",
      detail: "Send the body as application/json (UTF-8).",
      code: "validation",
      issues: [
        { path: [], code: "unsupported_media_type", message: "Send the body as application/json (UTF-8)." },
      ],
    }),
  methodNotAllowed: (allow: readonly string[]): RestProblem =>
    new RestProblem({
      status: 405,
      name: "method_not_allowed",
      title: "Method not allowed",
      detail: `This path answers ${allow.join(", ")}.`,
      code: "not_found",
      headers: { Allow: allow.join(", ") },
    }),
  crossSite: (): RestProblem =>
    new RestProblem({
      status: 403,
      name: "cross_site_request",
      title: "Cross-site request refused",
      detail: "This request did not come from an allowed origin.",
      code: "forbidden",
    }),
};

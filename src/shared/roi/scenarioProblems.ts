/**
 * Why a scenario was refused, one line per problem, each naming the field by its place in the
 * scenario (`volume.requestsPerMonth: must be at most 1e12 requests per month`): the one wording
 * the form, the CLI and an import show.
 */

/** What a zod issue carries that the wording needs. */
export interface IssueLike {
  path: readonly PropertyKey[];
  message: string;
}

export function scenarioProblems(issues: readonly IssueLike[]): string[] {
  return issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    return path ? `${path}: ${issue.message}` : issue.message;
  });
}

import { ADMIN_SCREENS } from "@staffroom/core";
import { type ReactNode, useEffect, useState } from "react";
import { seededWorld } from "../testing/seeded-world";
import type { StoryActor } from "../testing/story-globals";
import {
  type ActorVerdicts,
  ADMIN_PERMISSIONS,
  type SamplePerson,
  SCREEN_WIDGETS,
  samplePeople,
  verdictsOf,
} from "./permissions-matrix";

const ACTORS: readonly StoryActor[] = ["owner", "clinicManager", "readOnly"];

interface Answers {
  readonly people: readonly SamplePerson[];
  readonly actors: readonly ActorVerdicts[];
}

/** Builds the stories' seeded world in the page and asks core every verdict, once. */
function useAnswers(): Answers | Error | null {
  const [answers, setAnswers] = useState<Answers | Error | null>(null);
  useEffect(() => {
    let live = true;
    (async () => {
      const seeded = await seededWorld({ users: 24 });
      const people = await samplePeople(seeded);
      const actors = [];
      for (const actor of ACTORS) actors.push(await verdictsOf(actor, seeded[actor], people));
      return { people, actors };
    })().then(
      (value) => live && setAnswers(value),
      (error: unknown) => live && setAnswers(error instanceof Error ? error : new Error(String(error))),
    );
    return () => {
      live = false;
    };
  }, []);
  return answers;
}

const yes = (value: boolean, no = "—") => (value ? "✓" : no);

/**
 * What each administration widget shows to each toolbar actor (owner, clinic manager, read-only
 * staff), asked of core at page load over the same seeded world the stories use: the screens
 * (`canOpenScreen`), the permissions (`can`) and the row actions on two people (`users.actions`),
 * refused ones with core's reason.
 *
 * @example <PermissionsTable /> // in Permissions.mdx
 */
export function PermissionsTable(): ReactNode {
  const answers = useAnswers();
  if (answers === null) return <p role="status">Asking core…</p>;
  if (answers instanceof Error) return <p role="alert">Could not build the world: {answers.message}</p>;
  const { people, actors } = answers;
  return (
    <>
      <h2>Screens</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">widget</th>
            {actors.map((a) => (
              <th scope="col" key={a.actor}>
                {a.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {ADMIN_SCREENS.map((screen) => (
            <tr key={screen}>
              <th scope="row">
                <code>{SCREEN_WIDGETS[screen]}</code>
              </th>
              {actors.map((a) => (
                <td key={a.actor}>{a.screens[screen] ? "opens" : "NoAccess"}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Permissions</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">
              <code>can(…)</code>
            </th>
            {actors.map((a) => (
              <th scope="col" key={a.actor}>
                {a.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {ADMIN_PERMISSIONS.map((permission) => (
            <tr key={permission}>
              <th scope="row">
                <code>{permission}</code>
              </th>
              {actors.map((a) => (
                <td key={a.actor}>{yes(a.permissions[permission])}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Row actions in UserDirectory</h2>
      {people.map((person, index) => (
        <section key={person.user.id}>
          <h3>
            {person.user.displayName} — {person.why}
          </h3>
          <table>
            <thead>
              <tr>
                <th scope="col">actor</th>
                <th scope="col">offered</th>
                <th scope="col">refused, with core's reason</th>
              </tr>
            </thead>
            <tbody>
              {actors.map((a) => {
                const row = a.rows[index];
                return (
                  <tr key={a.actor}>
                    <th scope="row">{a.name}</th>
                    {row ? (
                      <>
                        <td>
                          {row
                            .filter((o) => o.allowed)
                            .map((o) => o.action)
                            .join(", ") || "nothing"}
                        </td>
                        <td>
                          {row
                            .filter((o) => !o.allowed)
                            .map((o) => `${o.action}: ${o.reason ?? ""}`)
                            .join(" · ") || "—"}
                        </td>
                      </>
                    ) : (
                      <td colSpan={2}>not shown: core hides this person from this actor</td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      ))}
    </>
  );
}

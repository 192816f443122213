"""Child process of ``scripts/reliability.py kill``: edits a project until it is killed.

    python tests/reliability/edit_child.py PROJECT ALT_PROJECT SEED

Every loop pushes one "sequence" edit (an actor ``seq000123``) through the CommandStack,
then prints ``COMMITTED 123`` (flushed): from that moment the edit must survive a kill.
Between sequence edits it makes random other edits (memberships, ties, blocs, large
position saves, deletions with undo/redo) and now and then a Save As to the other file,
announced with ``SAVED_AS <path>`` once it has completed. Not a test module: pytest does
not collect it (no ``test_`` prefix).
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

from explorer.commands import (
    CommandStack,
    DeleteActor,
    MoveNodes,
    PutActor,
    PutAlliance,
    PutBloc,
    PutMembership,
    PutTie,
)
from explorer.model import Actor, Alliance, Bloc, Capability, Membership, Tie, ValidationError
from explorer.store import Project

SEQ = re.compile(r"^seq(\d{6})$")


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def main() -> int:
    path, alt, seed = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
    rng = random.Random(seed)
    project = Project.open(path)
    stack = CommandStack(project)
    doc = project.document()
    numbers = [int(m.group(1)) for a in doc.actors if (m := SEQ.match(a))]
    n = max(numbers, default=0)
    if "hub" not in doc.alliances:
        stack.push(PutActor(Actor("anchor", "Anchor", "other")))
        stack.push(PutAlliance(Alliance("hub", "Hub", "technology")))
    say(f"READY {n}")
    while True:
        n += 1
        actor = Actor(
            f"seq{n:06d}", f"Sequence {n}", "non_state",
            capabilities=(Capability("personnel_k", float(n)),),
        )
        stack.push(PutActor(actor))
        say(f"COMMITTED {n}")
        extra = rng.random()
        try:
            if extra < 0.25:
                stack.push(PutMembership(Membership("hub", actor.id, "member", "2024-01-01")))
            elif extra < 0.40:
                stack.push(PutTie(Tie("anchor", actor.id, rng.choice([1, -1]))))
            elif extra < 0.55:
                actors = sorted(project.document().actors)
                members = tuple(sorted(rng.sample(actors, min(3, len(actors)))))
                stack.push(PutBloc(Bloc("random", "Random", "#123456", members=members)))
            elif extra < 0.75:
                nodes = {
                    f"actor:{a}": (rng.uniform(-500, 500), rng.uniform(-500, 500), False)
                    for a in project.document().actors
                }
                stack.push(MoveNodes(nodes, "Layout"))
            elif extra < 0.85:
                # Delete an earlier extra edit's target and bring it back: big transactions.
                victim = "anchor"
                stack.push(DeleteActor(victim))
                stack.undo()
            elif extra < 0.90:
                project.save_as(alt)
                path, alt = alt, path
                say(f"SAVED_AS {path}")
        except ValidationError:
            pass


if __name__ == "__main__":
    sys.exit(main())

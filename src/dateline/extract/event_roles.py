"""Role rules: actor and target of a trigger, from the clause around it and from the dependency parse.

The rules are split by mechanism: ``role_surface`` (the words of the clause: subjects before the
trigger, objects and prepositional targets after it, possessors, coordinated pairs), ``role_parse``
(the argument frames of resources/cameo/frames.tsv over the dependency parse, which replace the
surface guess where they name an entity) and ``role_pronouns`` (antecedents of pronouns).
"""
from __future__ import annotations

from .role_parse import ParseRoles, _background
from .role_pronouns import PronounRules, _reported_pronoun
from .role_surface import SurfaceRoles, _ethnic, _own_party

__all__ = ["RoleRules", "_background", "_ethnic", "_own_party", "_reported_pronoun"]


class RoleRules(SurfaceRoles, ParseRoles, PronounRules):
    """Methods of EventExtractor (extract.events): actor and target of each trigger."""

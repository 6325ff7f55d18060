"""Actor networks as GraphML and GEXF, written with the standard library.

Nodes are actors (the entity code, e.g. ``SYR``; the Arabic text when an entity
has no code); a directed edge actor -> recipient for every (actor, recipient)
pair of an event, weighted by the number of events. Edges also carry counts per
PLOVER quad category and the list of event types seen. Node attribute ``label``
is the most frequent Arabic entity text; ``events`` the number of events the
node takes part in.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import IO, Any

__all__ = ["ActorNetwork", "build_network", "write_graphml", "write_gexf"]

QUADS = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")


@dataclass
class ActorNetwork:
    nodes: dict[str, Counter[str]] = field(default_factory=dict)  # id -> Counter of texts
    node_events: Counter[str] = field(default_factory=Counter)
    edges: dict[tuple[str, str], Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    edge_types: dict[tuple[str, str], set[str]] = field(default_factory=lambda: defaultdict(set))


def _node(e: dict[str, Any]) -> str | None:
    return e.get("code") or e.get("entity_text") or None


def build_network(events: Iterable[dict[str, Any]]) -> ActorNetwork:
    from rasid.model import QUAD

    net = ActorNetwork()
    for ev in events:
        typ = (ev.get("event") or [""])[0]
        seen: set[str] = set()
        for e in (ev.get("actor") or []) + (ev.get("recipient") or []):
            n = _node(e)
            if n:
                net.nodes.setdefault(n, Counter())[e.get("entity_text") or n] += 1
                seen.add(n)
        net.node_events.update(seen)
        for a in ev.get("actor") or []:
            for r in ev.get("recipient") or []:
                s, t = _node(a), _node(r)
                if not s or not t or s == t:
                    continue
                net.edges[(s, t)]["weight"] += 1
                if typ in QUAD:
                    net.edges[(s, t)][QUAD[typ]] += 1
                net.edge_types[(s, t)].add(typ)
    return net


def _label(c: Counter[str]) -> str:
    return sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


def _write(root: ET.Element, out: IO[str]) -> None:
    ET.indent(root)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ET.tostring(root, encoding="unicode"))
    out.write("\n")


def write_graphml(events: Iterable[dict[str, Any]], out: IO[str]) -> int:
    net = build_network(events)
    ns = "http://graphml.graphdrawing.org/xmlns"
    root = ET.Element("graphml", {"xmlns": ns})
    keys = [("label", "node", "string"), ("events", "node", "int"), ("weight", "edge", "int"),
            *[(q, "edge", "int") for q in QUADS], ("types", "edge", "string")]
    for k, dom, typ in keys:
        ET.SubElement(root, "key", {"id": k, "for": dom, "attr.name": k, "attr.type": typ})
    g = ET.SubElement(root, "graph", {"id": "actors", "edgedefault": "directed"})
    for n in sorted(net.nodes):
        el = ET.SubElement(g, "node", {"id": n})
        ET.SubElement(el, "data", {"key": "label"}).text = _label(net.nodes[n])
        ET.SubElement(el, "data", {"key": "events"}).text = str(net.node_events[n])
    for i, ((s, t), c) in enumerate(sorted(net.edges.items())):
        el = ET.SubElement(g, "edge", {"id": f"e{i}", "source": s, "target": t})
        ET.SubElement(el, "data", {"key": "weight"}).text = str(c["weight"])
        for q in QUADS:
            ET.SubElement(el, "data", {"key": q}).text = str(c[q])
        ET.SubElement(el, "data", {"key": "types"}).text = ",".join(sorted(net.edge_types[(s, t)]))
    _write(root, out)
    return len(net.edges)


def write_gexf(events: Iterable[dict[str, Any]], out: IO[str]) -> int:
    net = build_network(events)
    root = ET.Element("gexf", {"xmlns": "http://gexf.net/1.3", "version": "1.3"})
    meta = ET.SubElement(root, "meta")
    ET.SubElement(meta, "creator").text = "rasid"
    ET.SubElement(meta, "description").text = "actor network, edges weighted by event counts"
    g = ET.SubElement(root, "graph", {"defaultedgetype": "directed", "mode": "static"})
    na = ET.SubElement(g, "attributes", {"class": "node"})
    ET.SubElement(na, "attribute", {"id": "0", "title": "events", "type": "integer"})
    ea = ET.SubElement(g, "attributes", {"class": "edge"})
    for i, q in enumerate(QUADS):
        ET.SubElement(ea, "attribute", {"id": str(i), "title": q, "type": "integer"})
    ET.SubElement(ea, "attribute", {"id": str(len(QUADS)), "title": "types", "type": "string"})
    nodes = ET.SubElement(g, "nodes")
    for n in sorted(net.nodes):
        el = ET.SubElement(nodes, "node", {"id": n, "label": _label(net.nodes[n])})
        av = ET.SubElement(el, "attvalues")
        ET.SubElement(av, "attvalue", {"for": "0", "value": str(net.node_events[n])})
    edges = ET.SubElement(g, "edges")
    for i, ((s, t), c) in enumerate(sorted(net.edges.items())):
        el = ET.SubElement(edges, "edge", {"id": str(i), "source": s, "target": t,
                                           "weight": str(float(c["weight"]))})
        av = ET.SubElement(el, "attvalues")
        for j, q in enumerate(QUADS):
            ET.SubElement(av, "attvalue", {"for": str(j), "value": str(c[q])})
        ET.SubElement(av, "attvalue", {"for": str(len(QUADS)),
                                       "value": ",".join(sorted(net.edge_types[(s, t)]))})
    _write(root, out)
    return len(net.edges)

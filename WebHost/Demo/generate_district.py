#!/usr/bin/env python3
"""Generate the demo district "连岛区" for Lianxin (WebHost/Demo/demo-district.json).

What it generates: a fictional island district on China's south-east coast
(about 27.5-27.9 N, 120.9-121.4 E) with
  * 55 Party-Mass Service Centers in a tree (district -> streets / towns /
    management committee -> villages, communities, sector sites and
    Red Sail stations), each with floor area, households, opening hours,
    staff, the ten basic functions and optional floor-area exemptions;
  * 150 grids ("1+3+N"), hexagon-like GeoJSON polygons that tile the land
    around each village/community center without overlapping;
  * 5,000 volunteers / party members, with a home grid, a grid role and a
    home location inside that grid;
  * 60 self-service kiosks;
  * 1,500 residential points (1,450 inside grids, 50 remote hamlets outside
    every grid) for 15-minute-circle coverage analysis.

How to rerun (from the repository root):

    python3 WebHost/Demo/generate_district.py            # default seed 20261127
    python3 WebHost/Demo/generate_district.py --seed 7 --out /tmp/other.json

The file is rewritten in place and is byte-identical for the same seed
(Python 3.11+, standard library only, no network, independent of
PYTHONHASHSEED). The script validates its own output (ids, tree order,
point-in-polygon of every point, role counts per grid, ...) and exits with a
non-zero status and a message if any check fails.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
import sys
from pathlib import Path

DEFAULT_SEED = 20261127
DEFAULT_OUT = Path(__file__).resolve().parent / "demo-district.json"

DISTRICT_NAME = "连岛区"
# District area (bounding box) every generated location must fall into.
LAT_MIN, LAT_MAX, LON_MIN, LON_MAX = 27.5, 27.9, 120.9, 121.4

# Local flat projection (km) around the district seat; good enough at this scale.
LAT0, LON0 = 27.70, 121.15
KM_PER_DEG_LAT = 110.574
KM_PER_DEG_LON = 111.320 * math.cos(math.radians(LAT0))
SQRT3 = math.sqrt(3.0)

FUNCTIONS = [
    "partyBuilding", "officeDeliberation", "convenienceServices", "grassrootsGovernance",
    "careAssistance", "developmentSupport", "volunteerService", "cultureSportsLeisure",
    "emergencySupport", "publicityDisplay",
]
CORE_FUNCTIONS = {"partyBuilding", "convenienceServices", "volunteerService"}
STAFF_ROLES = ["secretary", "committeeMember", "dedicatedStaff", "operationsStaff", "thirdParty"]
GRID_ROLES = ["lead", "fullTimeWorker", "partTimeWorker", "instructor"]
SKILLS = ["firstAid", "rescueBoat", "driving", "medical", "electrician", "translation",
          "elderCare", "counselling"]
LEVELS = ["district", "street", "town", "managementCommittee", "village", "community",
          "sectorSite", "redSailStation"]

TARGET_GRIDS = 150
TARGET_VOLUNTEERS = 5000
TARGET_KIOSKS = 60
TARGET_POINTS_IN_GRIDS = 1450
TARGET_POINTS_OUTSIDE = 50

SUFFIX = "党群服务中心"

# --------------------------------------------------------------------------------------
# Organisation of the district
# --------------------------------------------------------------------------------------

# Level-of-government centers below the district: id, short name, level, zone origin
# (lat, lon) or None, lattice cell size (km, hexagon circumradius) for its grids.
SUBDIVISIONS = [
    ("ld-dg", "东港街道", "street", (27.704, 121.170), 0.30),
    ("ld-xw", "西湾街道", "street", (27.716, 121.098), 0.30),
    ("ld-st", "石塘镇", "town", (27.588, 121.118), 0.62),
    ("ld-hy", "海屿镇", "town", (27.735, 121.312), 0.60),
    ("ld-bj", "北礁镇", "town", (27.818, 121.032), 0.60),
    ("ld-kf", "连岛经济开发区管委会", "managementCommittee", None, None),
]
DISTRICT_LOCATION = (27.698, 121.132)
MANAGEMENT_COMMITTEE_LOCATION = (27.655, 121.214)

# Villages ("v") and communities ("c") per street / town.
VILLAGES_AND_COMMUNITIES = {
    "ld-dg": [("c", "港口社区"), ("c", "望海社区"), ("c", "新城社区"), ("c", "灯塔社区"),
              ("c", "海韵社区"), ("c", "东华社区"), ("c", "金沙社区")],
    "ld-xw": [("c", "渔港社区"), ("c", "观潮社区"), ("c", "湾畔社区"), ("c", "老街社区"),
              ("c", "盐仓社区"), ("c", "云帆社区")],
    "ld-st": [("v", "渔湾村"), ("v", "礁头村"), ("v", "石板村"), ("v", "南岙村"),
              ("v", "盐田村"), ("v", "沙埕村"), ("v", "后港村"), ("v", "上岙村"),
              ("v", "洋屿村"), ("c", "石塘社区"), ("c", "海滨社区")],
    "ld-hy": [("v", "东屿村"), ("v", "大门村"), ("v", "小门村"), ("v", "鹿西村"),
              ("v", "黄礁村"), ("v", "网寮村"), ("v", "外岙村"), ("c", "海屿社区")],
    "ld-bj": [("v", "北岙村"), ("v", "龙湾村"), ("v", "蛎江村"), ("v", "岩头村"),
              ("v", "竹屿村"), ("v", "下埠村"), ("v", "青山村"), ("v", "潮头村")],
}

# Sector sites and Red Sail stations: parent, id suffix, full name, level, offset (km east,
# km north) from the parent's zone origin.
SECTOR_AND_RED_SAIL = [
    ("ld-dg", "s01", "连岛港务集团党群服务中心", "sectorSite", (1.9, -1.6)),
    ("ld-dg", "s02", "海港中心商务楼宇党群服务中心", "sectorSite", (-0.9, 0.7)),
    ("ld-xw", "s01", "连岛区人民医院党群服务中心", "sectorSite", (0.8, -1.1)),
    ("ld-st", "s01", "连岛临港产业园党群服务中心", "sectorSite", (3.2, 2.4)),
    ("ld-dg", "rs01", "东港商贸城红帆驿站", "redSailStation", (0.4, -1.2)),
    ("ld-st", "rs01", "石塘渔港红帆驿站", "redSailStation", (-1.3, -0.9)),
    ("ld-hy", "rs01", "海屿客运码头红帆驿站", "redSailStation", (-1.8, 0.6)),
    ("ld-bj", "rs01", "北礁汽车站红帆驿站", "redSailStation", (1.1, 1.4)),
]

# Fixed, documented deviations from the floor-area standard.
EXEMPTIONS = {
    "外岙村": ("island",
             "村域位于外海离岛，陆域狭小、可用建设用地不足，经区委组织部核定，阵地面积根据实际确定。"),
    "老街社区": ("oldCommunity",
             "地处老城区，周边无可新建或置换的集体用房，经街道党工委报区委组织部同意，面积根据实际确定。"),
    "新城社区": ("mergedLargeCommunity",
             "由原新城、东岸两个社区合并而成，户数多、服务半径大，采取“主阵地+分站点”布局，主阵地面积根据实际确定。"),
}
FIXED_HOUSEHOLDS = {"外岙村": 420, "老街社区": 2600, "新城社区": 3950}
# Below the standard without an exemption (shown as "not compliant" in the demo).
NON_COMPLIANT = {"北礁镇", "竹屿村", "海滨社区"}

SURNAMES = (
    "陈陈陈陈林林林林王王王黄黄郑郑李李张张吴吴周周徐徐叶叶蔡蔡杨金潘胡朱何章应郭蒋施罗谢颜赵梁"
    "刘许方洪孙高邱卢池苏董曾阮鲍柯姚俞夏江彭项缪毛余"
)
GIVEN_CHARS = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建文辉力海波宁丹燕鹏飞斌宇浩凯"
    "鑫晨阳帆航舟潮澜汐晓雪梅春秋冬琳琪瑶欣怡佳颖慧思雨婷倩嘉俊志国庆德福荣昌永兴云峰岚宏"
    "亮成新锋旭东南北岳松柏楠晴朗翔鸥渔礁"
)
PHONE_PREFIXES = ["139", "158", "188", "137", "135", "159", "187", "152", "136", "150"]


# --------------------------------------------------------------------------------------
# Geometry helpers
# --------------------------------------------------------------------------------------

def km_to_lonlat(x: float, y: float) -> tuple[float, float]:
    return LON0 + x / KM_PER_DEG_LON, LAT0 + y / KM_PER_DEG_LAT


def lonlat_to_km(lon: float, lat: float) -> tuple[float, float]:
    return (lon - LON0) * KM_PER_DEG_LON, (lat - LAT0) * KM_PER_DEG_LAT


def r6(v: float) -> float:
    return round(v, 6)


def point_in_ring(x: float, y: float, ring: list) -> bool:
    """Even-odd ray casting; ring is a closed list of [x, y] (first == last)."""
    inside = False
    for i in range(len(ring) - 1):
        x1, y1 = ring[i]
        x2, y2 = ring[i + 1]
        if (y1 > y) != (y2 > y):
            xc = x1 + (y - y1) * (x2 - x1) / (y2 - y1)
            if x < xc:
                inside = not inside
    return inside


def dist_point_segment(px, py, ax, ay, bx, by) -> float:
    dx, dy = bx - ax, by - ay
    ll = dx * dx + dy * dy
    t = 0.0 if ll == 0 else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / ll))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))


def dist_to_ring_km(lon: float, lat: float, ring: list) -> float:
    px, py = lonlat_to_km(lon, lat)
    best = float("inf")
    for i in range(len(ring) - 1):
        ax, ay = lonlat_to_km(*ring[i])
        bx, by = lonlat_to_km(*ring[i + 1])
        best = min(best, dist_point_segment(px, py, ax, ay, bx, by))
    return best


def ring_signed_area(ring: list) -> float:
    return 0.5 * sum(ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1]
                     for i in range(len(ring) - 1))


def segments_cross(p1, p2, p3, p4) -> bool:
    def orient(a, b, c):
        return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])
    d1, d2 = orient(p3, p4, p1), orient(p3, p4, p2)
    d3, d4 = orient(p1, p2, p3), orient(p1, p2, p4)
    return (d1 > 0) != (d2 > 0) and (d3 > 0) != (d4 > 0) and d1 * d2 < 0 and d3 * d4 < 0


def ring_is_simple(ring: list) -> bool:
    n = len(ring) - 1
    for i in range(n):
        for j in range(i + 1, n):
            if j == i + 1 or (i == 0 and j == n - 1):
                continue
            if segments_cross(ring[i], ring[i + 1], ring[j], ring[j + 1]):
                return False
    return True


def in_district(lat: float, lon: float) -> bool:
    return LAT_MIN <= lat <= LAT_MAX and LON_MIN <= lon <= LON_MAX


class Fail(Exception):
    pass


def check(cond: bool, msg: str) -> None:
    if not cond:
        raise Fail(msg)


# --------------------------------------------------------------------------------------
# Hexagonal lattice per zone (a street or a town); clusters of cells become grids
# --------------------------------------------------------------------------------------

HEX_NEIGHBOURS = [(1, 0), (1, -1), (0, -1), (-1, 0), (-1, 1), (0, 1)]


def hex_distance(a, b) -> int:
    dq, dr = a[0] - b[0], a[1] - b[1]
    return (abs(dq) + abs(dr) + abs(dq + dr)) // 2


class Zone:
    """A pointy-top hexagon lattice in local km, anchored at the zone origin."""

    def __init__(self, zone_id: str, origin_latlon, cell_km: float, seed: int):
        self.id = zone_id
        self.ox, self.oy = lonlat_to_km(origin_latlon[1], origin_latlon[0])
        self.s = cell_km
        self.seed = seed
        self.radius = 0  # lattice radius in cells, set by plan()
        self.disabled_midpoints: set = set()

    def cell_center_units(self, cell):
        q, r = cell
        return SQRT3 * (q + r / 2.0), 1.5 * r

    def cell_center_km(self, cell):
        ux, uy = self.cell_center_units(cell)
        return self.ox + self.s * ux, self.oy + self.s * uy

    def vertex_keys(self, cell):
        """Six corner keys in lattice half-units (exact integers), counter-clockwise."""
        ux, uy = self.cell_center_units(cell)
        keys = []
        for i in range(6):
            a = math.radians(30 + 60 * i)
            vx, vy = ux + math.cos(a), uy + math.sin(a)
            keys.append((round(vx / (SQRT3 / 2.0)), round(vy / 0.5)))
        return keys

    def vertex_km(self, key):
        rng = random.Random(f"{self.seed}|{self.id}|v|{key[0]}|{key[1]}")
        j = 0.12 * self.s
        vx = key[0] * SQRT3 / 2.0
        vy = key[1] * 0.5
        return (self.ox + self.s * vx + rng.uniform(-j, j),
                self.oy + self.s * vy + rng.uniform(-j, j))

    def edge_midpoint_km(self, k1, k2):
        """Optional extra vertex on a shared edge (same for both neighbouring cells)."""
        a, b = sorted([k1, k2])
        if (a, b) in self.disabled_midpoints:
            return None
        rng = random.Random(f"{self.seed}|{self.id}|e|{a[0]}|{a[1]}|{b[0]}|{b[1]}")
        if rng.random() >= 0.22:
            return None
        (ax, ay), (bx, by) = self.vertex_km(a), self.vertex_km(b)
        t = rng.uniform(0.4, 0.6)
        off = rng.uniform(-0.05, 0.05) * self.s
        length = math.hypot(bx - ax, by - ay)
        nx, ny = -(by - ay) / length, (bx - ax) / length
        return ax + t * (bx - ax) + off * nx, ay + t * (by - ay) + off * ny

    def cap_midpoints(self, cells) -> None:
        """At most two extra vertices per cell, so each polygon has 6-8 vertices."""
        for cell in sorted(cells):
            keys = self.vertex_keys(cell)
            with_mid = []
            for i in range(6):
                a, b = sorted([keys[i], keys[(i + 1) % 6]])
                if self.edge_midpoint_km(a, b) is not None:
                    with_mid.append((a, b))
            for edge in sorted(with_mid)[2:]:
                self.disabled_midpoints.add(edge)

    def polygon_lonlat(self, cell) -> list:
        keys = self.vertex_keys(cell)
        pts_km = []
        for i in range(6):
            pts_km.append(self.vertex_km(keys[i]))
            mid = self.edge_midpoint_km(keys[i], keys[(i + 1) % 6])
            if mid is not None:
                pts_km.append(mid)
        ring = []
        for x, y in pts_km:
            lon, lat = km_to_lonlat(x, y)
            ring.append([r6(lon), r6(lat)])
        ring.append(list(ring[0]))
        return ring

    def extent_km(self) -> float:
        return (self.radius * SQRT3 + 1.2) * self.s

    def plan(self, targets: list[int], rng: random.Random) -> list[list]:
        """Grow one compact cluster of cells per child, sized targets[i]. Returns cells."""
        needed = sum(targets)
        self.radius = 1
        while 1 + 3 * self.radius * (self.radius + 1) < 1.9 * needed:
            self.radius += 1
        all_cells = [(q, r) for q in range(-self.radius, self.radius + 1)
                     for r in range(-self.radius, self.radius + 1)
                     if hex_distance((q, r), (0, 0)) <= self.radius]
        seed_candidates = [c for c in all_cells if hex_distance(c, (0, 0)) <= self.radius - 2]
        for _attempt in range(200):
            # Farthest-point sampling spreads the child centers over the zone.
            seeds = [rng.choice(seed_candidates)]
            while len(seeds) < len(targets):
                best = max(min(hex_distance(c, s) for s in seeds) for c in seed_candidates)
                pool = [c for c in seed_candidates
                        if min(hex_distance(c, s) for s in seeds) == best]
                seeds.append(rng.choice(pool))
            rng.shuffle(seeds)
            owner = {s: i for i, s in enumerate(seeds)}
            clusters = [[s] for s in seeds]
            stuck = False
            while not stuck and any(len(c) < t for c, t in zip(clusters, targets)):
                for i, cluster in enumerate(clusters):
                    if len(cluster) >= targets[i]:
                        continue
                    frontier = sorted({(c[0] + dq, c[1] + dr) for c in cluster
                                       for dq, dr in HEX_NEIGHBOURS})
                    frontier = [c for c in frontier if c not in owner
                                and hex_distance(c, (0, 0)) <= self.radius]
                    if not frontier:
                        stuck = True
                        break
                    sx, sy = self.cell_center_units(seeds[i])

                    def score(c):
                        cx, cy = self.cell_center_units(c)
                        return math.hypot(cx - sx, cy - sy) + rng.random() * 0.6
                    pick = min(frontier, key=score)
                    owner[pick] = i
                    cluster.append(pick)
            if not stuck:
                self.cap_midpoints([c for cl in clusters for c in cl])
                return clusters
        raise Fail(f"zone {self.id}: could not place {len(targets)} clusters")


# --------------------------------------------------------------------------------------
# People
# --------------------------------------------------------------------------------------

class People:
    def __init__(self, rng: random.Random):
        self.rng = rng
        self.phones: set = set()

    def name(self) -> str:
        surname = self.rng.choice(SURNAMES)
        n = 1 if self.rng.random() < 0.28 else 2
        return surname + "".join(self.rng.choice(GIVEN_CHARS) for _ in range(n))

    def phone(self) -> str:
        while True:
            p = self.rng.choice(PHONE_PREFIXES) + f"{self.rng.randrange(10 ** 8):08d}"
            if p not in self.phones:
                self.phones.add(p)
                return p

    def training_days(self, third_party: bool = False) -> int:
        weights = [6, 4, 8, 26, 24, 18, 14] if third_party else [2, 2, 4, 26, 26, 22, 18]
        return self.rng.choices(range(7), weights=weights)[0]

    def staff(self, role: str) -> dict:
        if role in ("secretary", "committeeMember"):
            member = True
        elif role == "thirdParty":
            member = False
        elif role == "dedicatedStaff":
            member = self.rng.random() < 0.85
        else:
            member = self.rng.random() < 0.8
        return {"name": self.name(), "role": role, "isPartyMember": member,
                "trainingDays": self.training_days(role == "thirdParty")}


# --------------------------------------------------------------------------------------
# Generation
# --------------------------------------------------------------------------------------

def ceil_to(v: float, step: int) -> int:
    return int(math.ceil(v / step) * step)


def floor_to(v: float, step: int) -> int:
    return int(math.floor(v / step) * step)


def area_requirement(level: str, households):
    return {"town": 500, "street": 1000, "village": 200}.get(
        level, 0.30 * households if level == "community" else None)


def greedy_fill(weights: list[float], base: list[int], total: int, cap: int | None = None):
    """Increase counts one by one where weight per unit is highest (deterministic)."""
    counts = list(base)
    while sum(counts) < total:
        best, best_i = -1.0, -1
        for i, w in enumerate(weights):
            if cap is not None and counts[i] >= cap:
                continue
            v = w / counts[i]
            if v > best:
                best, best_i = v, i
        check(best_i >= 0, "greedy_fill: no room left")
        counts[best_i] += 1
    return counts


def split_households(total: int, n: int, rng: random.Random, lo=20, hi=400) -> list[int]:
    check(lo * n <= total <= hi * n, f"cannot split {total} households into {n} points")
    weights = [rng.gammavariate(0.9, 1.0) + 0.02 for _ in range(n)]
    spare = total - lo * n
    wsum = sum(weights)
    parts = [lo + int(spare * w / wsum) for w in weights]
    i = 0
    while sum(parts) < total:
        parts[i % n] += 1
        i += 1
    # push anything above the cap to points that still have room
    for i in range(n):
        while parts[i] > hi:
            j = min(range(n), key=lambda k: parts[k])
            move = min(parts[i] - hi, hi - parts[j])
            parts[i] -= move
            parts[j] += move
    return parts


def opening_hours(level: str, rng: random.Random) -> dict:
    if level == "redSailStation":
        return {"opens": rng.choice(["08:30", "09:00"]), "closes": rng.choice(["20:30", "21:00"])}
    if level == "sectorSite":
        return {"opens": rng.choice(["08:00", "08:30"]),
                "closes": rng.choice(["18:00", "19:30", "20:30"])}
    return {"opens": rng.choices(["08:00", "08:30", "09:00"], weights=[2, 6, 2])[0],
            "closes": rng.choices(["20:00", "20:30", "21:00"], weights=[2, 6, 2])[0]}


def pick_functions(small: bool, rng: random.Random, k_range=(6, 9)) -> list[str]:
    if not small:
        return list(FUNCTIONS)
    k = rng.randint(*k_range)
    optional = [f for f in FUNCTIONS if f not in CORE_FUNCTIONS]
    keep = set(CORE_FUNCTIONS) | set(rng.sample(optional, k - len(CORE_FUNCTIONS)))
    return [f for f in FUNCTIONS if f in keep]


def staff_list(level: str, people: People, rng: random.Random) -> list[dict]:
    if level in ("district", "street", "town", "managementCommittee"):
        n_ops = rng.randint(3, 5)
        roles = ["operationsStaff"] * n_ops
        if rng.random() < 0.4:
            roles.append("thirdParty")
    elif level in ("village", "community"):
        roles = ["secretary", "committeeMember"] + ["dedicatedStaff"] * rng.randint(1, 2)
        if rng.random() < 0.25:
            roles.append("thirdParty")
    elif level == "sectorSite":
        roles = ["secretary", "committeeMember", "dedicatedStaff"]
        if rng.random() < 0.5:
            roles.append("thirdParty")
    else:  # redSailStation
        roles = ["committeeMember"] + ["dedicatedStaff"] * rng.randint(1, 2)
    return [people.staff(r) for r in roles]


def random_point_in_ring(ring: list, rng: random.Random, margin_km: float):
    lons = [p[0] for p in ring]
    lats = [p[1] for p in ring]
    for _ in range(10000):
        lon = r6(rng.uniform(min(lons), max(lons)))
        lat = r6(rng.uniform(min(lats), max(lats)))
        if point_in_ring(lon, lat, ring) and dist_to_ring_km(lon, lat, ring) >= margin_km:
            return lat, lon
    raise Fail("could not sample a point inside a polygon")


def offset_latlon(origin_latlon, dx_km: float, dy_km: float):
    x, y = lonlat_to_km(origin_latlon[1], origin_latlon[0])
    lon, lat = km_to_lonlat(x + dx_km, y + dy_km)
    return r6(lat), r6(lon)


def generate(seed: int) -> dict:
    rng = random.Random(seed)
    people = People(random.Random(seed * 31 + 7))

    centers: list[dict] = []
    by_id: dict[str, dict] = {}
    meta: dict[str, dict] = {}  # per center: small?, zone, exemption kind

    def add_center(cid, name, level, parent, latlon, households):
        rec = {
            "id": cid, "name": name, "level": level, "parentId": parent,
            "location": {"latitude": latlon[0], "longitude": latlon[1]},
            "floorAreaSqm": None, "households": households,
            "openingHours": opening_hours(level, rng), "selfService24h": True,
            "staff": staff_list(level, people, rng), "functions": None, "areaExemption": None,
        }
        centers.append(rec)
        by_id[cid] = rec
        return rec

    # ---- tree skeleton (locations of villages/communities come from their grids) ----
    add_center("ld", DISTRICT_NAME + SUFFIX, "district", None,
               (r6(DISTRICT_LOCATION[0]), r6(DISTRICT_LOCATION[1])), None)
    zones: dict[str, Zone] = {}
    for sid, short, level, origin, cell in SUBDIVISIONS:
        if origin is not None:
            zones[sid] = Zone(sid, origin, cell, seed)
            loc = offset_latlon(origin, rng.uniform(-0.25, 0.25), rng.uniform(-0.25, 0.25))
        else:
            loc = (r6(MANAGEMENT_COMMITTEE_LOCATION[0]), r6(MANAGEMENT_COMMITTEE_LOCATION[1]))
        add_center(sid, short + SUFFIX, level, "ld", loc, None)
        meta[sid] = {"short": short}

    # ---- villages / communities: households and grid counts ----
    children = []  # (parent, id, short, level, households)
    for parent, items in VILLAGES_AND_COMMUNITIES.items():
        nv = nc = 0
        for kind, short in items:
            if kind == "v":
                nv += 1
                cid, level = f"{parent}-v{nv:02d}", "village"
                hh = rng.randint(300, 2200)
            else:
                nc += 1
                cid, level = f"{parent}-c{nc:02d}", "community"
                hh = rng.randint(900, 3600)
            hh = FIXED_HOUSEHOLDS.get(short, hh)
            children.append((parent, cid, short, level, hh))

    grid_counts = greedy_fill([c[4] for c in children], [2] * len(children),
                              TARGET_GRIDS, cap=7)

    # ---- grids: one compact cluster of lattice cells per village/community ----
    grids: list[dict] = []
    grid_rings: dict[str, list] = {}
    grid_zone: dict[str, str] = {}
    child_grids: dict[str, list[str]] = {}
    child_loc: dict[str, tuple] = {}
    for parent in VILLAGES_AND_COMMUNITIES:
        zone = zones[parent]
        idx = [i for i, c in enumerate(children) if c[0] == parent]
        clusters = zone.plan([grid_counts[i] for i in idx], rng)
        for i, cells in zip(idx, clusters):
            _, cid, short, _, _ = children[i]
            child_grids[cid] = []
            for g, cell in enumerate(cells, start=1):
                gid = f"{cid}-g{g:02d}"
                ring = zone.polygon_lonlat(cell)
                grids.append({"id": gid, "centerId": cid, "name": f"{short}第{g}网格",
                              "boundary": {"type": "Polygon", "coordinates": [ring]}})
                grid_rings[gid] = ring
                grid_zone[gid] = parent
                child_grids[cid].append(gid)
            # the center building sits near the middle of its first grid
            cx, cy = zone.cell_center_km(cells[0])
            ang = rng.uniform(0, 2 * math.pi)
            d = rng.uniform(0.0, 0.3) * zone.s
            lon, lat = km_to_lonlat(cx + d * math.cos(ang), cy + d * math.sin(ang))
            child_loc[cid] = (r6(lat), r6(lon))

    # zones must not overlap each other
    zl = list(zones.values())
    for a in range(len(zl)):
        for b in range(a + 1, len(zl)):
            gap = math.hypot(zl[a].ox - zl[b].ox, zl[a].oy - zl[b].oy)
            check(gap > zl[a].extent_km() + zl[b].extent_km(),
                  f"zones {zl[a].id} and {zl[b].id} overlap")

    # ---- add village / community / sector / red-sail centers, grouped by parent ----
    for sid, *_rest in SUBDIVISIONS:
        for parent, cid, short, level, hh in children:
            if parent == sid:
                add_center(cid, short + SUFFIX, level, parent, child_loc[cid], hh)
                meta[cid] = {"short": short}
        for parent, suffix, name, level, (dx, dy) in SECTOR_AND_RED_SAIL:
            if parent == sid:
                origin = [s[3] for s in SUBDIVISIONS if s[0] == parent][0]
                cid = f"{parent}-{suffix}"
                add_center(cid, name, level, parent, offset_latlon(origin, dx, dy), None)
                meta[cid] = {"short": name}

    # ---- floor area, exemptions, functions ----
    for c in centers:
        level, hh, short = c["level"], c["households"], meta.get(c["id"], {}).get("short")
        req = area_requirement(level, hh)
        if level == "district":
            area = rng.randint(52, 64) * 50
        elif level == "managementCommittee":
            area = rng.randint(14, 19) * 50
        elif level == "sectorSite":
            area = rng.randint(16, 48) * 10
        elif level == "redSailStation":
            area = rng.randint(4, 12) * 10
        elif short in EXEMPTIONS or short in NON_COMPLIANT:
            area = floor_to(req * rng.uniform(0.7, 0.9), 10)
            if short in EXEMPTIONS:
                kind, reason = EXEMPTIONS[short]
                c["areaExemption"] = {"kind": kind, "reason": reason}
        elif level == "community":
            # between the 30 m² minimum and somewhat above the 40 m² target per 100 households
            area = ceil_to(req * rng.uniform(1.03, 1.6), 10)
        else:
            area = ceil_to(req * rng.uniform(1.05, 2.6 if level == "village" else 1.9), 10)
        c["floorAreaSqm"] = area

        if level == "redSailStation":
            c["functions"] = pick_functions(True, rng, (6, 7))
        elif level == "sectorSite":
            c["functions"] = pick_functions(True, rng, (7, 9))
        elif level == "village" and hh < 750:
            c["functions"] = pick_functions(True, rng, (6, 9))
        elif level in ("village", "community") and rng.random() < 0.08:
            c["functions"] = pick_functions(True, rng, (9, 9))
        else:
            c["functions"] = list(FUNCTIONS)

    # ---- kiosks ----
    small_villages = sorted((c for c in centers if c["level"] == "village"),
                            key=lambda c: (c["households"], c["id"]))[:5]
    no_kiosk = {c["id"] for c in small_villages} | {"ld-dg-s02"}
    big_communities = sorted((c for c in centers if c["level"] == "community"),
                             key=lambda c: (-c["households"], c["id"]))[:5]
    two_kiosks = {"ld", "ld-dg", "ld-xw", "ld-st", "ld-hy", "ld-bj"} | {
        c["id"] for c in big_communities}
    kiosks = []
    for c in centers:
        n = 0 if c["id"] in no_kiosk else (2 if c["id"] in two_kiosks else 1)
        c["selfService24h"] = n > 0
        for k in range(1, n + 1):
            kiosks.append({"id": f"k-{len(kiosks) + 1:03d}", "centerId": c["id"],
                           "name": f"{c['name']} {k}号自助终端"})
    check(len(kiosks) == TARGET_KIOSKS, f"expected {TARGET_KIOSKS} kiosks, got {len(kiosks)}")

    # ---- residential points inside grids ----
    vc = [c for c in centers if c["level"] in ("village", "community")]
    n_points = greedy_fill([c["households"] for c in vc],
                           [len(child_grids[c["id"]]) for c in vc], TARGET_POINTS_IN_GRIDS)
    residential = []
    grid_households: dict[str, int] = {}
    for c, n in zip(vc, n_points):
        gids = child_grids[c["id"]]
        per_grid = {g: 1 for g in gids}
        for g in rng.choices(gids, k=n - len(gids)):
            per_grid[g] += 1
        parts = split_households(c["households"], n, rng)
        p = 0
        for g in gids:
            grid_households[g] = 0
            for _ in range(per_grid[g]):
                lat, lon = random_point_in_ring(grid_rings[g], rng, 0.01)
                residential.append({"id": "", "gridId": g,
                                    "location": {"latitude": lat, "longitude": lon},
                                    "households": parts[p]})
                grid_households[g] += parts[p]
                p += 1

    # ---- remote hamlets outside every grid (mostly around the towns) ----
    grid_index = [(gid, ring, min(p[0] for p in ring), max(p[0] for p in ring),
                   min(p[1] for p in ring), max(p[1] for p in ring))
                  for gid, ring in grid_rings.items()]

    def containing_grids(lat, lon):
        return [gid for gid, ring, x0, x1, y0, y1 in grid_index
                if x0 <= lon <= x1 and y0 <= lat <= y1 and point_in_ring(lon, lat, ring)]

    def near_any_grid(lat, lon, km):
        pad_lon, pad_lat = km / KM_PER_DEG_LON, km / KM_PER_DEG_LAT
        for gid, ring, x0, x1, y0, y1 in grid_index:
            if x0 - pad_lon <= lon <= x1 + pad_lon and y0 - pad_lat <= lat <= y1 + pad_lat:
                if dist_to_ring_km(lon, lat, ring) < km:
                    return True
        return False

    hamlet_zones = ["ld-st"] * 17 + ["ld-hy"] * 16 + ["ld-bj"] * 15 + ["ld-xw"] * 2
    check(len(hamlet_zones) == TARGET_POINTS_OUTSIDE, "hamlet count")
    for zid in hamlet_zones:
        z = zones[zid]
        for _ in range(10000):
            ang = rng.uniform(0, 2 * math.pi)
            d = rng.uniform(0.3, 1.0) * (z.extent_km() + 1.0)
            lon, lat = km_to_lonlat(z.ox + d * math.cos(ang), z.oy + d * math.sin(ang))
            lat, lon = r6(lat), r6(lon)
            if (in_district(lat, lon) and not containing_grids(lat, lon)
                    and not near_any_grid(lat, lon, 0.02)):
                break
        else:
            raise Fail(f"could not place a hamlet in {zid}")
        residential.append({"id": "", "gridId": None,
                            "location": {"latitude": lat, "longitude": lon},
                            "households": rng.randint(20, 120)})
    for i, r in enumerate(residential, start=1):
        r["id"] = f"r-{i:04d}"

    # ---- volunteers: "1+3+N" per grid ----
    gids = [g["id"] for g in grids]
    per_grid = greedy_fill([grid_households[g] for g in gids], [len(GRID_ROLES) + 1] * len(gids),
                           TARGET_VOLUNTEERS)
    level_of = {c["id"]: c["level"] for c in centers}
    volunteers = []
    for g, n in zip(grids, per_grid):
        gid = g["id"]
        rural = level_of[g["centerId"]] == "village"
        coastal_town = grid_zone[gid] in ("ld-st", "ld-hy", "ld-bj")
        for k in range(n):
            role = GRID_ROLES[k] if k < len(GRID_ROLES) else "member"
            if role in ("lead", "instructor"):
                party = True
            elif role in ("fullTimeWorker", "partTimeWorker"):
                party = rng.random() < 0.9
            else:
                party = rng.random() < 0.79
            mobile = party and role == "member" and rng.random() < (0.1 if rural else 0.045)
            in_service = (party and not mobile and role in ("member", "instructor")
                          and rng.random() < (0.08 if rural else 0.19))
            k_sk = rng.choices([0, 1, 2, 3], weights=[30, 38, 22, 10])[0]
            w = {s: 1.0 for s in SKILLS}
            w["rescueBoat"] = 1.4 if coastal_town else 0.3
            w["elderCare"] = 1.6
            w["firstAid"] = 1.5
            w["translation"] = 0.4
            chosen: list[str] = []
            while len(chosen) < k_sk:
                pool = [s for s in SKILLS if s not in chosen]
                chosen.append(rng.choices(pool, weights=[w[s] for s in pool])[0])
            lat, lon = random_point_in_ring(grid_rings[gid], rng, 0.008)
            volunteers.append({
                "id": f"v-{len(volunteers) + 1:05d}", "name": people.name(),
                "phone": people.phone(), "isPartyMember": party,
                "isMobilePartyMember": mobile, "isInServicePartyMember": in_service,
                "homeGridId": gid, "gridRole": role,
                "skills": [s for s in SKILLS if s in chosen],
                "location": {"latitude": lat, "longitude": lon},
            })

    return {
        "name": DISTRICT_NAME, "seed": seed,
        "centers": centers, "grids": grids, "volunteers": volunteers,
        "kiosks": kiosks, "residentialPoints": residential,
    }


# --------------------------------------------------------------------------------------
# Validation of the finished document (what the C# loader will rely on)
# --------------------------------------------------------------------------------------

ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
HHMM_RE = re.compile(r"^([01][0-9]|2[0-3]):[0-5][0-9]$")


def validate(doc: dict) -> None:
    all_ids: set = set()

    def new_id(i):
        check(isinstance(i, str) and len(i) <= 64 and ID_RE.match(i) is not None, f"bad id {i!r}")
        check(i not in all_ids, f"duplicate id {i}")
        all_ids.add(i)

    def loc_ok(loc, what):
        check(set(loc) == {"latitude", "longitude"}, f"{what}: location keys")
        check(in_district(loc["latitude"], loc["longitude"]), f"{what}: outside district")
        check(r6(loc["latitude"]) == loc["latitude"] and r6(loc["longitude"]) == loc["longitude"],
              f"{what}: not rounded to 6 decimals")

    centers = {}
    for c in doc["centers"]:
        cid = c["id"]
        new_id(cid)
        check(c["name"].endswith(SUFFIX) or (c["level"] == "redSailStation"
                                             and c["name"].endswith("红帆驿站")), f"{cid}: name")
        check(c["level"] in LEVELS, f"{cid}: level")
        if c["level"] == "district":
            check(c["parentId"] is None, f"{cid}: district has a parent")
        else:
            check(c["parentId"] in centers, f"{cid}: parent {c['parentId']} not listed before")
        parent_level = centers[c["parentId"]]["level"] if c["parentId"] else None
        expected_parents = {
            "district": {None}, "street": {"district"}, "town": {"district"},
            "managementCommittee": {"district"}, "village": {"town"},
            "community": {"street", "town"}, "sectorSite": {"street", "town"},
            "redSailStation": {"street", "town"},
        }[c["level"]]
        check(parent_level in expected_parents, f"{cid}: parent level {parent_level}")
        loc_ok(c["location"], cid)
        hh = c["households"]
        if c["level"] in ("village", "community"):
            check(isinstance(hh, int) and 300 <= hh <= 4000, f"{cid}: households {hh}")
        else:
            check(hh is None, f"{cid}: households should be null")
        check(isinstance(c["floorAreaSqm"], int) and c["floorAreaSqm"] > 0, f"{cid}: area")
        oh = c["openingHours"]
        check(HHMM_RE.match(oh["opens"]) and HHMM_RE.match(oh["closes"])
              and oh["opens"] < oh["closes"], f"{cid}: opening hours")
        roles = [s["role"] for s in c["staff"]]
        check(all(r in STAFF_ROLES for r in roles), f"{cid}: staff roles")
        for s in c["staff"]:
            check(0 <= s["trainingDays"] <= 6, f"{cid}: training days")
            if s["role"] == "thirdParty":
                check(s["isPartyMember"] is False, f"{cid}: third party is a member")
        if c["level"] in ("district", "street", "town", "managementCommittee"):
            check(3 <= len(roles) <= 6 and roles.count("operationsStaff") >= 3, f"{cid}: staff")
        if c["level"] in ("village", "community"):
            check(roles.count("secretary") == 1 and roles.count("committeeMember") == 1
                  and 1 <= roles.count("dedicatedStaff") <= 2, f"{cid}: staff")
        f = c["functions"]
        check(len(f) == len(set(f)) and all(x in FUNCTIONS for x in f)
              and (len(f) == 10 or 6 <= len(f) <= 9), f"{cid}: functions")
        ex = c["areaExemption"]
        if ex is not None:
            check(ex["kind"] in ("island", "oldCommunity", "mergedLargeCommunity")
                  and ex["reason"], f"{cid}: exemption")
        centers[cid] = c

    rings = {}
    grid_center = {}
    for g in doc["grids"]:
        new_id(g["id"])
        check(centers.get(g["centerId"], {}).get("level") in ("village", "community"),
              f"{g['id']}: grid owner must be a village/community")
        check(g["id"].startswith(g["centerId"] + "-g"), f"{g['id']}: id prefix")
        b = g["boundary"]
        check(b["type"] == "Polygon" and len(b["coordinates"]) == 1, f"{g['id']}: geometry")
        ring = b["coordinates"][0]
        check(ring[0] == ring[-1] and 5 <= len(ring) - 1 <= 8, f"{g['id']}: ring")
        check(ring_signed_area(ring) > 0, f"{g['id']}: ring not counter-clockwise")
        check(ring_is_simple(ring), f"{g['id']}: ring self-intersects")
        for lon, lat in ring:
            check(in_district(lat, lon), f"{g['id']}: vertex outside district")
        rings[g["id"]] = ring
        grid_center[g["id"]] = g["centerId"]
    index = [(gid, ring, min(p[0] for p in ring), max(p[0] for p in ring),
              min(p[1] for p in ring), max(p[1] for p in ring)) for gid, ring in rings.items()]

    def containing(loc):
        lat, lon = loc["latitude"], loc["longitude"]
        return [gid for gid, ring, x0, x1, y0, y1 in index
                if x0 <= lon <= x1 and y0 <= lat <= y1 and point_in_ring(lon, lat, ring)]

    # grids of one center must not overlap: vertices of a grid must not lie strictly
    # inside another grid (the lattice shares edges exactly)
    for gid, ring in rings.items():
        for lon, lat in ring[:-1]:
            for other, oring, x0, x1, y0, y1 in index:
                if other != gid and x0 <= lon <= x1 and y0 <= lat <= y1 \
                        and point_in_ring(lon, lat, oring) \
                        and dist_to_ring_km(lon, lat, oring) > 0.001:
                    raise Fail(f"grids {gid} and {other} overlap")

    for cid, c in centers.items():
        if c["level"] in ("village", "community"):
            own = [g for g, o in grid_center.items() if o == cid]
            check(own, f"{cid}: has no grids")
            check(any(g in own for g in containing(c["location"])),
                  f"{cid}: location not inside any of its grids")

    role_count: dict[str, dict] = {gid: {} for gid in rings}
    for v in doc["volunteers"]:
        new_id(v["id"])
        check(re.match(r"^1[3-9][0-9]{9}$", v["phone"]) is not None, f"{v['id']}: phone")
        check(v["homeGridId"] in rings, f"{v['id']}: home grid")
        if v["isMobilePartyMember"] or v["isInServicePartyMember"]:
            check(v["isPartyMember"], f"{v['id']}: non-member flagged as mobile/in-service")
        check(set(v["skills"]) <= set(SKILLS) and len(v["skills"]) <= 3, f"{v['id']}: skills")
        loc_ok(v["location"], v["id"])
        check(containing(v["location"]) == [v["homeGridId"]], f"{v['id']}: not in its grid only")
        rc = role_count[v["homeGridId"]]
        rc[v["gridRole"]] = rc.get(v["gridRole"], 0) + 1
    for gid, rc in role_count.items():
        check(all(rc.get(r) == 1 for r in GRID_ROLES) and rc.get("member", 0) >= 1
              and set(rc) <= set(GRID_ROLES) | {"member"}, f"{gid}: grid roles {rc}")
    check(len({v["phone"] for v in doc["volunteers"]}) == len(doc["volunteers"]), "phones unique")

    for k in doc["kiosks"]:
        new_id(k["id"])
        check(k["centerId"] in centers, f"{k['id']}: center")
    kiosk_centers = {k["centerId"] for k in doc["kiosks"]}
    for cid, c in centers.items():
        check(c["selfService24h"] == (cid in kiosk_centers), f"{cid}: selfService24h vs kiosks")
        if c["level"] == "redSailStation":
            check(cid in kiosk_centers, f"{cid}: red sail station without kiosk")

    for r in doc["residentialPoints"]:
        new_id(r["id"])
        check(20 <= r["households"] <= 400, f"{r['id']}: households")
        loc_ok(r["location"], r["id"])
        inside = containing(r["location"])
        if r["gridId"] is None:
            check(not inside, f"{r['id']}: hamlet inside grid {inside}")
        else:
            check(inside == [r["gridId"]], f"{r['id']}: not in its grid only")


# --------------------------------------------------------------------------------------
# Output
# --------------------------------------------------------------------------------------

def render(doc: dict) -> str:
    """Pretty at the top level, one compact line per record (small, diff-friendly)."""
    def one(rec):
        return json.dumps(rec, ensure_ascii=False, separators=(", ", ": "))
    lines = ["{"]
    lines.append(f' "name": {json.dumps(doc["name"], ensure_ascii=False)},')
    lines.append(f' "seed": {doc["seed"]},')
    keys = ["centers", "grids", "volunteers", "kiosks", "residentialPoints"]
    for i, key in enumerate(keys):
        lines.append(f' "{key}": [')
        recs = doc[key]
        for j, rec in enumerate(recs):
            lines.append("  " + one(rec) + ("," if j < len(recs) - 1 else ""))
        lines.append(" ]" + ("," if i < len(keys) - 1 else ""))
    lines.append("}")
    return "\n".join(lines) + "\n"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args(argv)
    try:
        doc = generate(args.seed)
        text = render(doc)
        reparsed = json.loads(text)
        check(reparsed == doc, "rendered JSON does not round-trip")
        validate(reparsed)
    except Fail as e:
        print(f"generate_district: FAILED: {e}", file=sys.stderr)
        return 1
    args.out.write_bytes(text.encode("utf-8"))
    counts = ", ".join(f"{k}={len(doc[k])}" for k in
                       ("centers", "grids", "volunteers", "kiosks", "residentialPoints"))
    print(f"wrote {args.out} ({len(text.encode('utf-8'))} bytes): {counts}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

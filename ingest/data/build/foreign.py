"""Build the foreign gazetteer tables: countries.csv and foreign_subdivisions.csv.

Run from the repository root:

    .venv/bin/python ingest/data/build/foreign.py

Reads pycountry (ISO 3166-1 / 3166-2) and babel (CLDR Vietnamese territory
names), adds the hand-curated Vietnamese press names, aliases and Wikidata
QIDs kept below, and writes both CSVs (UTF-8, NFC, csv-module quoting).
See ingest/data/SOURCES_foreign.md for sources and decisions.
"""

from __future__ import annotations

import csv
import re
import sys
import unicodedata
from pathlib import Path

import babel
import pycountry

DATA = Path(__file__).resolve().parents[1]
COUNTRIES_CSV = DATA / "countries.csv"
SUBDIVISIONS_CSV = DATA / "foreign_subdivisions.csv"
VN_PROVINCES_CSV = DATA / "vn_provinces.csv"

COUNTRY_COLUMNS = ["iso2", "iso3", "name_en", "name_vi", "aliases", "wikidata"]
SUBDIVISION_COLUMNS = ["iso3166_2", "country", "type", "name_en", "name_vi", "aliases", "wikidata"]


def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s).strip()


def fold(s: str) -> str:
    """The matcher's key: no case, no diacritics, đ -> d, hyphens/dots as spaces."""
    s = unicodedata.normalize("NFD", s.replace("đ", "d").replace("Đ", "D"))
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = re.sub(r"['’ʼ`]", "", s.lower())
    s = re.sub(r"[-‐–—.,/()]", " ", s)
    return re.sub(r"\s+", " ", s).strip()


# Vietnamese tone-mark placement: old style puts the mark on the first vowel of
# a final oa/oe/uy (hòa, thụy), new style on the second (hoà, thuỵ). Both occur
# in the press, so every alias with one form also gets the other.
_OLD = "òóỏõọ"
_NEW_A = "àáảãạ"
_NEW_E = "èéẻẽẹ"
_OLD_U = "ùúủũụ"
_NEW_Y = "ỳýỷỹỵ"


def tone_variant(s: str) -> str:
    def swap_word(w: str) -> str:
        m = re.fullmatch(r"(.*?)([oòóỏõọ])([aàáảãạeèéẻẽẹ])", w)
        if m and w[-2:].lower() not in ("oa", "oe"):
            pre, o, v = m.groups()
            if o != "o" and v in "ae":  # old -> new
                i = _OLD.index(o)
                return pre + "o" + (_NEW_A if v == "a" else _NEW_E)[i]
            if o == "o" and v not in "ae":  # new -> old
                base = "a" if v in _NEW_A else "e"
                i = (_NEW_A if base == "a" else _NEW_E).index(v)
                return pre + _OLD[i] + base
        m = re.fullmatch(r"(.*?)([uùúủũụ])([yỳýỷỹỵ])", w)
        if m and not m.group(1).lower().endswith("q"):
            pre, u, y = m.groups()
            if u != "u" and y == "y":
                return pre + "u" + _NEW_Y[_OLD_U.index(u)]
            if u == "u" and y != "y":
                return pre + _OLD_U[_NEW_Y.index(y)] + "y"
        return w

    return re.sub(r"[^\s\-]+", lambda m: swap_word(m.group(0)), s)


def parse_qids(text: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for tok in text.split():
        code, qid = tok.split(":")
        assert re.fullmatch(r"Q\d+", qid), tok
        assert code not in out, f"duplicate {code}"
        out[code] = qid
    return out


# ---------------------------------------------------------------------------
# Wikidata QIDs, transcribed from two public data files (see SOURCES_foreign.md)
# ---------------------------------------------------------------------------

# owid/owid-grapher packages/@ourworldindata/grapher/src/mapCharts/CountriesRegions.ts
# (commit c7402d12e25bd1d45f5bd7d66cfc083342a1ed96), columns iso_alpha2 + wikidata_uri.
COUNTRY_QID_OWID = parse_qids("""
AF:Q889 AX:Q5689 AL:Q222 DZ:Q262 AS:Q16641 AD:Q228 AO:Q916 AI:Q25228 AG:Q781 AR:Q414
AM:Q399 AW:Q21203 AU:Q408 AT:Q40 AZ:Q227 BS:Q778 BH:Q398 BD:Q902 BB:Q244 BY:Q184
BE:Q31 BZ:Q242 BJ:Q962 BM:Q23635 BT:Q917 BO:Q750 BQ:Q27561 BA:Q225 BW:Q963 BV:Q23408
BR:Q155 IO:Q43448 VG:Q25305 BN:Q921 BG:Q219 BF:Q965 BI:Q967 KH:Q424 CM:Q1009 CA:Q16
CV:Q1011 KY:Q5785 CF:Q929 TD:Q657 CL:Q298 CN:Q148 CX:Q31063 CC:Q36004 CO:Q739 KM:Q970
CG:Q971 CK:Q26988 CR:Q800 CI:Q1008 HR:Q224 CU:Q241 CW:Q25279 CY:Q229 CZ:Q213 CD:Q974
DK:Q35 DJ:Q977 DM:Q784 DO:Q786 EC:Q736 EG:Q79 SV:Q792 GQ:Q983 ER:Q986 EE:Q191
SZ:Q1050 ET:Q115 FO:Q4628 FK:Q9648 FJ:Q712 FI:Q33 FR:Q142 GF:Q3769 PF:Q30971 TF:Q129003
GA:Q1000 GM:Q1005 GE:Q230 DE:Q183 GH:Q117 GI:Q1410 GR:Q41 GL:Q223 GD:Q769 GP:Q17012
GU:Q16635 GT:Q774 GG:Q25230 GN:Q1006 GW:Q1007 GY:Q734 HT:Q790 HM:Q131198 HN:Q783 HK:Q8646
HU:Q28 IS:Q189 IN:Q668 ID:Q252 IR:Q794 IQ:Q796 IE:Q27 IM:Q9676 IL:Q801 IT:Q38
JM:Q766 JP:Q17 JE:Q785 JO:Q810 KZ:Q232 KE:Q114 KI:Q710 KW:Q817 KG:Q813 LA:Q819
LV:Q211 LB:Q822 LS:Q1013 LR:Q1014 LY:Q1016 LI:Q347 LT:Q37 LU:Q32 MO:Q14773 MG:Q1019
MW:Q1020 MY:Q833 MV:Q826 ML:Q912 MT:Q233 MH:Q709 MQ:Q17054 MR:Q1025 MU:Q1027 YT:Q17063
MX:Q96 FM:Q702 MD:Q217 MC:Q235 MN:Q711 ME:Q236 MS:Q13353 MA:Q1028 MZ:Q1029 MM:Q836
NA:Q1030 NR:Q697 NP:Q837 NL:Q29999 NC:Q33788 NZ:Q664 NI:Q811 NE:Q1032 NG:Q1033 NU:Q34020
NF:Q31057 KP:Q423 MK:Q221 MP:Q16644 NO:Q20 OM:Q842 PK:Q843 PW:Q695 PS:Q219060 PA:Q804
PG:Q691 PY:Q733 PE:Q419 PH:Q928 PN:Q35672 PL:Q36 PT:Q45 PR:Q1183 QA:Q846 RE:Q17070
RO:Q218 RU:Q159 RW:Q1037 BL:Q25362 SH:Q192184 KN:Q763 LC:Q760 MF:Q126125 PM:Q34617 VC:Q757
WS:Q683 SM:Q238 ST:Q1039 SA:Q851 SN:Q1041 RS:Q403 SC:Q1042 SL:Q1044 SG:Q334 SX:Q26273
SK:Q214 SI:Q215 SB:Q685 SO:Q1045 ZA:Q258 GS:Q35086 KR:Q884 SS:Q958 ES:Q29 LK:Q854
SD:Q1049 SR:Q730 SJ:Q842829 SE:Q34 CH:Q39 SY:Q858 TW:Q865 TJ:Q863 TZ:Q924 TH:Q869
TL:Q574 TG:Q945 TK:Q36823 TO:Q678 TT:Q754 TN:Q948 TR:Q43 TM:Q874 TC:Q18221 TV:Q672
UG:Q1036 UA:Q212 AE:Q878 GB:Q145 US:Q30 UM:Q16645 VI:Q11703 UY:Q77 UZ:Q265 VU:Q686
VA:Q237 VE:Q717 VN:Q881 WF:Q35555 EH:Q6250 YE:Q805 ZM:Q953 ZW:Q954 AQ:Q21590062
""")

# GoogleCloudPlatform/covid-19-open-data src/data/knowledge_graph.csv
# (commit 01389cf55fa0ac74f6ec099685d1d8d725b381dd), country-level keys, for
# the pages of that file that were read (it does not cover BR..CL, CR..CZ, UY..ZW).
COUNTRY_QID_COVID = parse_qids("""
AD:Q228 AE:Q878 AF:Q889 AG:Q781 AI:Q25228 AL:Q222 AM:Q399 AO:Q916 AQ:Q51 AR:Q414
AS:Q16641 AT:Q40 AU:Q408 AW:Q21203 AZ:Q227 BA:Q225 BB:Q244 BD:Q902 BE:Q31 BF:Q965
BG:Q219 BH:Q398 BI:Q967 BJ:Q962 BM:Q23635 BN:Q921 BO:Q750 BQ:Q27561 BR:Q155
CM:Q1009 CN:Q148 CO:Q739
DE:Q183 DJ:Q977 DK:Q35 DM:Q784 DO:Q786 DZ:Q262 EC:Q736 EE:Q191 EG:Q79 EH:Q6250
ER:Q986 ES:Q29 ET:Q115 FI:Q33 FJ:Q712 FK:Q9648 FM:Q3359409 FO:Q4628 FR:Q142
GA:Q1000 GB:Q145 GD:Q769 GE:Q4962 GF:Q3769 GG:Q3311985 GH:Q117 GI:Q1410 GL:Q223 GM:Q1005
GN:Q1006 GP:Q17012 GQ:Q983 GR:Q41 GS:Q35086 GT:Q774 GU:Q16635 GW:Q1007 GY:Q734 HK:Q8646
HM:Q131198 HN:Q783 HR:Q224 HT:Q790 HU:Q28
ID:Q252 IE:Q22890 IL:Q801 IM:Q9676 IN:Q668 IO:Q43448 IQ:Q796 IR:Q794 IS:Q189 IT:Q38
JE:Q785 JM:Q766 JO:Q810 JP:Q17 KE:Q114 KG:Q813 KH:Q424 KI:Q710 KM:Q970 KN:Q763
KP:Q423 KR:Q884 KW:Q817 KY:Q5785 KZ:Q232 LA:Q819 LB:Q822 LC:Q760 LI:Q347 LK:Q854
LR:Q1014 LS:Q1013 LT:Q37 LU:Q32 LV:Q211 LY:Q1016 MA:Q1028
MC:Q235 MD:Q217 ME:Q236 MG:Q1019 MH:Q709 MK:Q39702 ML:Q912 MM:Q836 MN:Q711 MO:Q14773
MP:Q16644 MQ:Q17054 MR:Q1025 MS:Q13353 MT:Q233 MU:Q1027 MV:Q826 MW:Q1020 MX:Q96
MY:Q833 MZ:Q1029 NA:Q1030 NC:Q33788 NE:Q1032 NF:Q31057 NG:Q1033 NI:Q811 NL:Q55
NO:Q20 NP:Q837 NR:Q697 NU:Q34020 NZ:Q664 OM:Q842 PA:Q804 PE:Q419
PF:Q30971 PG:Q691 PH:Q928 PK:Q843 PL:Q36 PM:Q34617 PN:Q35672 PR:Q1183 PS:Q1176995 PT:Q45
PW:Q695 PY:Q733 QA:Q846 RE:Q17070 RO:Q218 RS:Q403 RU:Q159 RW:Q1037 SA:Q851 SB:Q685
SC:Q1042 SD:Q1049 SE:Q34 SG:Q334 SH:Q34497 SI:Q215 SJ:Q842829 SK:Q214 SL:Q1044 SM:Q238
SN:Q1041 SO:Q1045 SR:Q730 SS:Q958 ST:Q1039 SV:Q792 SX:Q26273 SY:Q858 SZ:Q1050 TC:Q18221
TD:Q657 TF:Q129003 TG:Q945 TH:Q869 TJ:Q863 TK:Q36823 TL:Q574 TM:Q874 TN:Q948 TO:Q678
TR:Q43 TT:Q754 TV:Q672 TW:Q865 TZ:Q924 UA:Q212 UG:Q1036 UM:Q16645 US:Q30
""")

# Where the two files disagree on a country: the decision and why.
COUNTRY_QID_DECISIONS: dict[str, tuple[str, str]] = {
    "AQ": ("", "OWID: Antarctic Treaty area (Q21590062); covid: continent Antarctica (Q51); ambiguous, left empty"),
    "NL": ("", "OWID: Kingdom of the Netherlands (Q29999); covid: Netherlands, European part (Q55); ISO NL is ambiguous between them, left empty"),
    "GE": ("Q230", "covid gives Q4962; Q230 is the sovereign state Georgia (OWID)"),
    "FM": ("Q702", "covid gives Q3359409; Q702 is the Federated States of Micronesia (OWID)"),
    "GG": ("Q25230", "covid gives Q3311985 (the Bailiwick); OWID's Q25230 is Guernsey, ISO GG"),
    "MK": ("Q221", "covid gives Q39702; Q221 is North Macedonia (OWID)"),
    "IE": ("Q27", "covid gives Q22890 (the island); Q27 is the Republic of Ireland (OWID)"),
    "PS": ("Q219060", "covid gives Q1176995; Q219060 is the State of Palestine (OWID)"),
    "SH": ("Q192184", "covid gives Q34497 (Saint Helena island); ISO SH is Saint Helena, Ascension and Tristan da Cunha, Q192184 (OWID)"),
}

# covid-19-open-data knowledge_graph.csv, first-level keys of the countries in
# scope, re-keyed to pycountry's ISO 3166-2 codes (the file uses CC_SUB keys;
# for IN it still uses the old codes CT/OR/TG/UT, for FR the region keys
# COR/GP/MQ/GF/RE/YT, mapped here to FR-20R/971/972/973/974/976).
SUB_QID_COVID = parse_qids("""
AU-ACT:Q3258 AU-NSW:Q3224 AU-NT:Q3235 AU-QLD:Q36074 AU-SA:Q35715 AU-TAS:Q34366 AU-VIC:Q36687 AU-WA:Q3206
BE-BRU:Q240 BE-VLG:Q1118
CN-AH:Q40956 CN-BJ:Q956 CN-CQ:Q11725 CN-FJ:Q41705 CN-GD:Q15175 CN-GS:Q42392 CN-GX:Q15176 CN-GZ:Q47097
CN-HA:Q43684 CN-HB:Q46862 CN-HE:Q21208 CN-HI:Q42200 CN-HK:Q8646 CN-HL:Q19206 CN-HN:Q45761 CN-JL:Q45208
CN-JS:Q16963 CN-JX:Q57052 CN-LN:Q43934 CN-MO:Q14773 CN-NM:Q41079 CN-NX:Q57448 CN-QH:Q45833 CN-SC:Q19770
CN-SD:Q43407 CN-SH:Q8686 CN-SN:Q47974 CN-SX:Q46913 CN-TJ:Q11736 CN-TW:Q57251 CN-XJ:Q34800 CN-XZ:Q17269
CN-YN:Q43194 CN-ZJ:Q16967
CZ-20:Q188399 CZ-31:Q188373 CZ-32:Q46070 CZ-41:Q191091 CZ-42:Q192702 CZ-51:Q193266 CZ-52:Q193295
CZ-53:Q193317 CZ-63:Q190930 CZ-64:Q192697 CZ-71:Q193307 CZ-72:Q192536 CZ-80:Q190550
DE-BB:Q1208 DE-BE:Q64 DE-BW:Q985 DE-BY:Q980 DE-HB:Q1209 DE-HE:Q1199 DE-HH:Q1055 DE-MV:Q1196
DE-NI:Q1197 DE-NW:Q1198 DE-RP:Q1200 DE-SH:Q1194 DE-SL:Q1201 DE-SN:Q1202 DE-ST:Q1206 DE-TH:Q1205
FR-ARA:Q18338206 FR-BFC:Q18578267 FR-BRE:Q12130 FR-CVL:Q13947 FR-GES:Q18677983 FR-HDF:Q18677767
FR-IDF:Q13917 FR-NAQ:Q18678082 FR-NOR:Q18677875 FR-OCC:Q18678265 FR-PAC:Q15104 FR-PDL:Q16994
FR-20R:Q14112 FR-971:Q17012 FR-972:Q17054 FR-973:Q3769 FR-974:Q17070 FR-976:Q17063
GB-ENG:Q21 GB-NIR:Q26 GB-SCT:Q22 GB-WLS:Q25
HU-BA:Q186195 HU-BC:Q178878 HU-BE:Q191616 HU-BK:Q181018 HU-BU:Q1781 HU-BZ:Q188895 HU-CS:Q193031
HU-DE:Q79880 HU-DU:Q187812 HU-EG:Q167109 HU-ER:Q193050 HU-FE:Q187693 HU-GS:Q187753 HU-GY:Q134494
HU-HB:Q185368 HU-HE:Q191604 HU-HV:Q124375 HU-JN:Q189655 HU-KE:Q190018 HU-KM:Q171357 HU-KV:Q184998
HU-MI:Q102397 HU-NK:Q14424 HU-NO:Q194273 HU-NY:Q171223 HU-PE:Q188612 HU-PS:Q45779 HU-SD:Q81581
HU-SF:Q130212 HU-SH:Q42007 HU-SK:Q181276 HU-SN:Q168648 HU-SO:Q190522 HU-SS:Q189761 HU-ST:Q189769
HU-SZ:Q190518 HU-TB:Q187821 HU-TO:Q191625 HU-VA:Q187677 HU-VE:Q188890 HU-VM:Q146317 HU-ZA:Q185374
HU-ZE:Q60037
ID-AC:Q1823 ID-BA:Q3125978 ID-BB:Q1866 ID-BE:Q1890 ID-BT:Q3540 ID-GO:Q5067 ID-JA:Q2051 ID-JB:Q3724
ID-JI:Q3586 ID-JK:Q3630 ID-JT:Q3557 ID-KB:Q3916 ID-KI:Q3899 ID-KR:Q2223 ID-KS:Q3906 ID-KT:Q3891
ID-KU:Q3903 ID-LA:Q2110 ID-MA:Q5093 ID-MU:Q5094 ID-NB:Q5062 ID-NT:Q5061 ID-PA:Q5095 ID-PB:Q5096
ID-RI:Q2175 ID-SA:Q5068 ID-SB:Q2772 ID-SG:Q5075 ID-SN:Q5078 ID-SR:Q5082 ID-SS:Q2271 ID-ST:Q5065
ID-SU:Q2140 ID-YO:Q3741
IN-AN:Q40888 IN-AP:Q1159 IN-AR:Q1162 IN-AS:Q1164 IN-BR:Q1165 IN-CH:Q43433 IN-CG:Q1168 IN-DL:Q1353
IN-GA:Q1171 IN-GJ:Q1061 IN-HP:Q1177 IN-HR:Q1174 IN-JH:Q1184 IN-JK:Q66278313 IN-KA:Q1185 IN-KL:Q1186
IN-LA:Q200667 IN-LD:Q26927 IN-MH:Q1191 IN-ML:Q1195 IN-MN:Q1193 IN-MP:Q1188 IN-MZ:Q1502 IN-NL:Q1599
IN-OD:Q22048 IN-PB:Q22424 IN-PY:Q66743 IN-RJ:Q1437 IN-SK:Q1505 IN-TS:Q677037 IN-TN:Q1445 IN-TR:Q1363
IN-UP:Q1498 IN-UK:Q1499 IN-WB:Q1356
IT-21:Q1216 IT-23:Q1222 IT-25:Q1210 IT-32:Q1237 IT-34:Q1243 IT-36:Q1250 IT-42:Q1256 IT-45:Q1263
IT-52:Q1273 IT-55:Q1280 IT-57:Q1279 IT-62:Q1282 IT-65:Q1284 IT-67:Q1443 IT-72:Q1438 IT-75:Q1447
IT-77:Q1452 IT-78:Q1458 IT-82:Q1460 IT-88:Q1462
JP-01:Q35581 JP-02:Q71699 JP-03:Q48326 JP-04:Q47896 JP-05:Q81863 JP-06:Q125863 JP-07:Q71707 JP-08:Q83273
JP-09:Q44843 JP-10:Q129499 JP-11:Q128186 JP-12:Q80011 JP-13:Q1490 JP-14:Q127513 JP-15:Q132705
JP-16:Q132929 JP-17:Q131281 JP-18:Q133879 JP-19:Q132720 JP-20:Q127877 JP-21:Q131277 JP-22:Q131320
JP-23:Q80434 JP-24:Q128196 JP-25:Q131358 JP-26:Q120730 JP-27:Q122723 JP-28:Q130290 JP-29:Q131287
JP-30:Q131314 JP-31:Q133935 JP-32:Q132751 JP-33:Q132936 JP-34:Q617375 JP-35:Q127264 JP-36:Q160734
JP-37:Q161454 JP-38:Q123376 JP-39:Q134093 JP-40:Q123258 JP-41:Q160420 JP-42:Q169376 JP-43:Q130308
JP-44:Q133924 JP-45:Q130300 JP-46:Q15701 JP-47:Q766445
KH-1:Q3817 KH-10:Q785896 KH-11:Q652830 KH-12:Q1850 KH-13:Q502151 KH-14:Q856788 KH-15:Q834464
KH-16:Q747846 KH-17:Q652818 KH-18:Q220966 KH-19:Q837889 KH-2:Q810923 KH-20:Q751864 KH-21:Q613345
KH-22:Q629538 KH-23:Q852089 KH-24:Q506646 KH-25:Q15623578 KH-3:Q142258 KH-4:Q877468 KH-5:Q652867
KH-6:Q502148 KH-7:Q748470 KH-8:Q466031 KH-9:Q466000
KR-11:Q8684 KR-26:Q16520 KR-27:Q20927 KR-28:Q20934 KR-29:Q41283 KR-30:Q20921 KR-31:Q41278
KR-41:Q20937 KR-42:Q41071 KR-43:Q41066 KR-44:Q41070 KR-45:Q41157 KR-46:Q41161 KR-47:Q41154
KR-48:Q41151 KR-49:Q41164 KR-50:Q20929
LA-AT:Q503004 LA-BK:Q334884 LA-BL:Q2403514 LA-CH:Q334888 LA-HO:Q502997 LA-KH:Q506641 LA-LM:Q948691
LA-LP:Q747881 LA-OU:Q465961 LA-PH:Q334868 LA-SL:Q302656 LA-SV:Q465940 LA-VI:Q720066 LA-VT:Q390377
LA-XA:Q465929 LA-XE:Q585707 LA-XI:Q465947 LA-XS:Q20202028
MM-01:Q847289 MM-02:Q800124 MM-03:Q833013 MM-04:Q119494 MM-05:Q843954 MM-06:Q856781 MM-07:Q47047
MM-11:Q140646 MM-12:Q652845 MM-13:Q495342 MM-14:Q46910 MM-15:Q818742 MM-16:Q233838 MM-17:Q456847
MM-18:Q4796
MY-01:Q183032 MY-02:Q188947 MY-03:Q185944 MY-04:Q185221 MY-05:Q213893 MY-06:Q191346 MY-07:Q188096
MY-08:Q188953 MY-09:Q213467 MY-10:Q189710 MY-11:Q189701 MY-12:Q179029 MY-13:Q170462 MY-14:Q1865
MY-15:Q214504 MY-16:Q182378
NL-BQ1:Q25396 NL-BQ2:Q25528 NL-BQ3:Q26180 NL-DR:Q772 NL-FL:Q707 NL-FR:Q770 NL-GE:Q775 NL-GR:Q752
NL-LI:Q1093 NL-NB:Q1101 NL-NH:Q701 NL-OV:Q773 NL-UT:Q776 NL-ZE:Q705 NL-ZH:Q694
PH-00:Q13580 PH-01:Q12933 PH-02:Q13615 PH-03:Q13617 PH-05:Q13662 PH-06:Q13665 PH-07:Q13669
PH-08:Q13675 PH-09:Q13682 PH-10:Q13690 PH-11:Q13694 PH-12:Q13701 PH-13:Q13704 PH-14:Q13708
PH-15:Q13606 PH-40:Q13650 PH-41:Q13658
PL-02:Q54150 PL-04:Q54153 PL-06:Q54155 PL-08:Q54157 PL-10:Q54158 PL-12:Q54159 PL-14:Q54169
PL-16:Q54171 PL-18:Q54175 PL-20:Q54177 PL-22:Q54180 PL-24:Q54181 PL-26:Q54183 PL-28:Q54184
PL-30:Q54187 PL-32:Q54188
RU-AD:Q3734 RU-AL:Q5971 RU-ALT:Q5942 RU-AMU:Q6886 RU-ARK:Q1875 RU-AST:Q3941 RU-BA:Q5710 RU-BEL:Q3329
RU-BRY:Q2810 RU-BU:Q6809 RU-CE:Q5187 RU-CHE:Q5714 RU-CHU:Q7984 RU-CU:Q5466 RU-DA:Q5118 RU-IN:Q5219
RU-IRK:Q6585 RU-IVA:Q2654 RU-KAM:Q7948 RU-KB:Q5267 RU-KC:Q5328 RU-KDA:Q3680 RU-KEM:Q6076 RU-KGD:Q1749
RU-KGN:Q5741 RU-KHA:Q7788 RU-KHM:Q6320 RU-KIR:Q5387 RU-KK:Q6543 RU-KL:Q3953 RU-KLU:Q2842 RU-KO:Q2073
RU-KOS:Q2596 RU-KR:Q1914 RU-KRS:Q3178 RU-KYA:Q6563 RU-LEN:Q2191 RU-LIP:Q3510 RU-MAG:Q7971 RU-ME:Q5446
RU-MO:Q5340 RU-MOS:Q1697 RU-MOW:Q649 RU-MUR:Q1759 RU-NEN:Q2164 RU-NGR:Q2240 RU-NIZ:Q2246 RU-NVS:Q5851
RU-OMS:Q5835 RU-ORE:Q5338 RU-ORL:Q3129 RU-PER:Q5400 RU-PNZ:Q5545 RU-PRI:Q4341 RU-PSK:Q2218 RU-ROS:Q3573
RU-RYA:Q2753 RU-SA:Q6605 RU-SAK:Q7797 RU-SAM:Q1727 RU-SAR:Q5334 RU-SE:Q5237 RU-SMO:Q2347 RU-SPE:Q656
RU-STA:Q5207 RU-SVE:Q5462 RU-TA:Q5481 RU-TAM:Q3550 RU-TOM:Q5884 RU-TUL:Q2792 RU-TVE:Q2292 RU-TY:Q960
RU-TYU:Q5824 RU-UD:Q5422 RU-ULY:Q5634 RU-VGG:Q3819 RU-VLA:Q2702 RU-VLG:Q2015 RU-VOR:Q3447 RU-YAN:Q6407
RU-YAR:Q2448 RU-YEV:Q7730 RU-ZAB:Q6838
SK-BC:Q183640 SK-BL:Q183498 SK-KI:Q186295 SK-NI:Q184548 SK-PV:Q189001 SK-TA:Q181342 SK-TC:Q183139
SK-ZI:Q184228
TH-10:Q1861 TH-11:Q271529 TH-12:Q242932 TH-13:Q459748 TH-14:Q476222 TH-15:Q243795 TH-16:Q336122
TH-17:Q334836 TH-18:Q459759 TH-19:Q337627 TH-20:Q207068 TH-21:Q335221 TH-22:Q327730 TH-23:Q241884
TH-24:Q334906 TH-25:Q321324 TH-26:Q466212 TH-27:Q381889 TH-30:Q271737 TH-31:Q327510 TH-32:Q380757
TH-33:Q380761 TH-34:Q629024 TH-35:Q506598 TH-36:Q275377 TH-37:Q243791 TH-38:Q1001862 TH-39:Q261241
TH-40:Q327533 TH-41:Q380752 TH-42:Q275388 TH-43:Q327737 TH-44:Q468554 TH-45:Q625463 TH-46:Q382144
TH-47:Q382125 TH-48:Q468547 TH-49:Q335119 TH-50:Q233588 TH-51:Q240540 TH-52:Q240495 TH-53:Q273794
TH-54:Q244652 TH-55:Q244698 TH-56:Q244618 TH-57:Q236419 TH-58:Q269270 TH-60:Q239844 TH-61:Q244649
TH-62:Q273807 TH-63:Q275758 TH-64:Q380764 TH-65:Q275781 TH-66:Q237874 TH-67:Q240520 TH-70:Q335492
TH-71:Q275740 TH-72:Q272247 TH-73:Q334841 TH-74:Q334686 TH-75:Q459742 TH-76:Q244699 TH-77:Q244628
TH-80:Q244691 TH-81:Q236769 TH-82:Q273306 TH-83:Q182565 TH-84:Q240463 TH-85:Q236802 TH-86:Q244695
TH-90:Q235574 TH-91:Q236263 TH-92:Q243805 TH-93:Q243808 TH-94:Q236781 TH-95:Q242977 TH-96:Q271442
TH-S:Q170919
US-AK:Q797 US-AL:Q173 US-AR:Q1612 US-AZ:Q816 US-CA:Q99
""")

# protomaps/basemaps tiles/src/main/java/com/protomaps/basemap/feature/RegionInfosData.txt
# (commit 717d7debb9e132542a7cae432f2f92d6bd3730de; Natural Earth admin-1 derived),
# re-keyed to pycountry codes by name where the file uses old codes
# (CZ letter codes, PL letter codes, IN-CT/OR/TG/UT, FR-GP/MQ/GF/RE/YT, and
# "Vientiane [prefecture]" filed under LA-VI, which is LA-VT).
SUB_QID_PROTOMAPS = parse_qids("""
AU-ACT:Q3258 AU-NSW:Q3224 AU-NT:Q3235 AU-QLD:Q36074 AU-SA:Q35715 AU-TAS:Q34366 AU-VIC:Q36687 AU-WA:Q3206
CN-AH:Q40956 CN-BJ:Q956 CN-CQ:Q11725 CN-FJ:Q41705 CN-GD:Q15175 CN-GS:Q42392 CN-GX:Q15176 CN-GZ:Q47097
CN-HA:Q43684 CN-HB:Q46862 CN-HE:Q21208 CN-HI:Q42200 CN-HL:Q19206 CN-HN:Q45761 CN-JL:Q45208
CN-JS:Q16963 CN-JX:Q57052 CN-LN:Q43934 CN-NM:Q41079 CN-NX:Q57448 CN-QH:Q45833 CN-SC:Q19770
CN-SD:Q43407 CN-SH:Q8686 CN-SN:Q47974 CN-SX:Q46913 CN-TJ:Q11736 CN-XJ:Q34800 CN-XZ:Q17269
CN-YN:Q43194 CN-ZJ:Q16967
CZ-31:Q188373 CZ-64:Q192697 CZ-41:Q191091 CZ-52:Q193295 CZ-51:Q193266 CZ-80:Q190550 CZ-71:Q193307
CZ-53:Q193317 CZ-32:Q1080673 CZ-10:Q1085 CZ-20:Q188399 CZ-42:Q192702 CZ-63:Q190930 CZ-72:Q262111
DE-BB:Q1208 DE-BE:Q64 DE-BW:Q985 DE-BY:Q980 DE-HB:Q1209 DE-HE:Q1199 DE-HH:Q1055 DE-MV:Q1196
DE-NI:Q1197 DE-NW:Q1198 DE-RP:Q1200 DE-SH:Q1194 DE-SL:Q1201 DE-SN:Q1202 DE-ST:Q1206 DE-TH:Q1205
FR-973:Q3769 FR-971:Q17012 FR-972:Q17054 FR-974:Q17070 FR-976:Q17063
HU-BA:Q186195 HU-BE:Q191616 HU-BK:Q181018 HU-BZ:Q188895 HU-CS:Q193031 HU-FE:Q187693 HU-GS:Q187753
HU-HB:Q185368 HU-HE:Q191604 HU-HV:Q124375 HU-JN:Q189655 HU-KE:Q190018 HU-NO:Q194273 HU-PE:Q188612
HU-SO:Q190522 HU-SZ:Q190518 HU-TB:Q187821 HU-TO:Q191625 HU-VA:Q187677 HU-VE:Q188890 HU-ZA:Q185374
ID-AC:Q1823 ID-BA:Q3125978 ID-BB:Q1866 ID-BE:Q1890 ID-BT:Q3540 ID-GO:Q5067 ID-JA:Q2051 ID-JB:Q3724
ID-JI:Q3586 ID-JK:Q3630 ID-JT:Q3557 ID-KB:Q3916 ID-KI:Q3899 ID-KR:Q2223 ID-KS:Q3906 ID-KT:Q3891
ID-LA:Q2110 ID-MA:Q5093 ID-MU:Q5094 ID-NB:Q5062 ID-NT:Q5061 ID-PA:Q5095 ID-PB:Q5096 ID-RI:Q2175
ID-SA:Q5068 ID-SB:Q2772 ID-SG:Q5075 ID-SN:Q5078 ID-SR:Q5082 ID-SS:Q2271 ID-ST:Q5065 ID-SU:Q2140
ID-YO:Q3741
IN-AN:Q40888 IN-AP:Q1159 IN-AR:Q1162 IN-AS:Q1164 IN-BR:Q1165 IN-CH:Q43433 IN-CG:Q1168 IN-DH:Q77997266
IN-DL:Q1353 IN-GA:Q1171 IN-GJ:Q1061 IN-HP:Q1177 IN-HR:Q1174 IN-JH:Q1184 IN-JK:Q66278313 IN-KA:Q1185
IN-KL:Q1186 IN-LA:Q200667 IN-LD:Q26927 IN-MH:Q1191 IN-ML:Q1195 IN-MN:Q1193 IN-MP:Q1188 IN-MZ:Q1502
IN-NL:Q1599 IN-OD:Q22048 IN-PB:Q22424 IN-PY:Q66743 IN-RJ:Q1437 IN-SK:Q1505 IN-TS:Q677037 IN-TN:Q1445
IN-TR:Q1363 IN-UP:Q1498 IN-UK:Q1499 IN-WB:Q1356
JP-01:Q35581 JP-02:Q71699 JP-03:Q48326 JP-04:Q47896 JP-05:Q81863 JP-06:Q125863 JP-07:Q71707 JP-08:Q83273
JP-09:Q44843 JP-10:Q129499 JP-11:Q128186 JP-12:Q80011 JP-13:Q1490 JP-14:Q127513 JP-15:Q132705
JP-16:Q132929 JP-17:Q131281 JP-18:Q133879 JP-19:Q132720 JP-20:Q127877 JP-21:Q131277 JP-22:Q131320
JP-23:Q80434 JP-24:Q128196 JP-25:Q131358 JP-26:Q120730 JP-27:Q122723 JP-28:Q130290 JP-29:Q131287
JP-30:Q131314 JP-31:Q133935 JP-32:Q132751 JP-33:Q132936 JP-34:Q617375 JP-35:Q127264 JP-36:Q160734
JP-37:Q161454 JP-38:Q123376 JP-39:Q134093 JP-40:Q123258 JP-41:Q160420 JP-42:Q169376 JP-43:Q130308
JP-44:Q133924 JP-45:Q130300 JP-46:Q15701 JP-47:Q766445
KH-1:Q3817 KH-10:Q785896 KH-11:Q652830 KH-13:Q502151 KH-15:Q834464 KH-16:Q747846 KH-17:Q652818
KH-18:Q220966 KH-19:Q837889 KH-2:Q810923 KH-22:Q629538 KH-23:Q852089 KH-24:Q506646 KH-3:Q142258
KH-4:Q877468 KH-5:Q652867 KH-6:Q502148 KH-7:Q748470 KH-9:Q466000
KR-11:Q8684 KR-26:Q16520 KR-27:Q20927 KR-28:Q20934 KR-29:Q41283 KR-30:Q20921 KR-31:Q41278
KR-41:Q20937 KR-42:Q41071 KR-43:Q41066 KR-44:Q41070 KR-45:Q41157 KR-46:Q41161 KR-47:Q41154
KR-48:Q41151 KR-49:Q41164 KR-50:Q20929
LA-AT:Q503004 LA-BK:Q334884 LA-BL:Q2403514 LA-CH:Q334888 LA-HO:Q502997 LA-KH:Q506641 LA-LM:Q948691
LA-LP:Q747881 LA-OU:Q465961 LA-PH:Q334868 LA-SL:Q302656 LA-SV:Q465940 LA-VI:Q720066 LA-VT:Q390377
LA-XA:Q465929 LA-XE:Q585707 LA-XI:Q465947
MM-01:Q847289 MM-02:Q800124 MM-03:Q833013 MM-04:Q119494 MM-05:Q843954 MM-06:Q856781 MM-07:Q47047
MM-11:Q140646 MM-12:Q652845 MM-13:Q495342 MM-14:Q46910 MM-15:Q818742 MM-16:Q233838 MM-17:Q456847
MY-01:Q183032 MY-02:Q188947 MY-03:Q185944 MY-04:Q185221 MY-05:Q213893 MY-06:Q191346 MY-07:Q188096
MY-08:Q188953 MY-09:Q213467 MY-10:Q189710 MY-11:Q189701 MY-12:Q179029 MY-13:Q170462 MY-14:Q1865
MY-15:Q214504 MY-16:Q182378
NL-DR:Q772 NL-FL:Q707 NL-FR:Q770 NL-GE:Q775 NL-GR:Q752 NL-LI:Q1093 NL-NB:Q1101 NL-NH:Q701
NL-OV:Q773 NL-UT:Q776 NL-ZE:Q705 NL-ZH:Q694
PL-02:Q54150 PL-04:Q54153 PL-06:Q54155 PL-08:Q54157 PL-10:Q54158 PL-12:Q54159 PL-14:Q54169
PL-16:Q54171 PL-18:Q54175 PL-20:Q54177 PL-22:Q54180 PL-24:Q54181 PL-26:Q54183 PL-28:Q54184
PL-30:Q54187 PL-32:Q54188
RU-AD:Q3734 RU-AL:Q5971 RU-ALT:Q5971 RU-AMU:Q6886 RU-ARK:Q1875 RU-AST:Q3941 RU-BA:Q5710 RU-BEL:Q3329
RU-BRY:Q2810 RU-BU:Q6809 RU-CE:Q5187 RU-CHE:Q5714 RU-CHU:Q7984 RU-CU:Q5466 RU-DA:Q5118 RU-IN:Q5219
RU-IRK:Q6585 RU-IVA:Q2654 RU-KAM:Q7948 RU-KB:Q5267 RU-KC:Q5328 RU-KDA:Q3680 RU-KEM:Q6076 RU-KGD:Q1749
RU-KGN:Q5741 RU-KHA:Q7788 RU-KHM:Q6320 RU-KIR:Q5387 RU-KK:Q6543 RU-KL:Q3953 RU-KLU:Q2842 RU-KO:Q2073
RU-KOS:Q2596 RU-KR:Q1914 RU-KRS:Q3178 RU-KYA:Q6563 RU-LEN:Q2191 RU-LIP:Q3510 RU-MAG:Q7971 RU-ME:Q5446
RU-MO:Q5340 RU-MOS:Q649 RU-MOW:Q1697 RU-MUR:Q1759 RU-NEN:Q2164 RU-NGR:Q2240 RU-NIZ:Q2246 RU-NVS:Q5851
RU-OMS:Q5835 RU-ORE:Q5338 RU-ORL:Q3129 RU-PER:Q5400 RU-PNZ:Q5545 RU-PRI:Q4341 RU-PSK:Q2218 RU-ROS:Q3573
RU-RYA:Q2753 RU-SA:Q6605 RU-SAK:Q7797 RU-SAM:Q1727 RU-SAR:Q5334 RU-SE:Q5237 RU-SMO:Q2347 RU-SPE:Q656
RU-STA:Q5207 RU-SVE:Q5462 RU-TA:Q5481 RU-TAM:Q3550 RU-TOM:Q5884 RU-TUL:Q2792 RU-TVE:Q2292 RU-TY:Q960
RU-TYU:Q5824 RU-UD:Q5422 RU-ULY:Q5634 RU-VGG:Q3819 RU-VLA:Q2702 RU-VLG:Q2015 RU-VOR:Q3447 RU-YAN:Q6407
RU-YAR:Q2448 RU-YEV:Q7730 RU-ZAB:Q6838
SK-BC:Q183640 SK-BL:Q183498 SK-KI:Q186295 SK-NI:Q184548 SK-PV:Q189001 SK-TA:Q181342 SK-TC:Q183139
SK-ZI:Q184228
TH-16:Q336122 TH-21:Q335221 TH-22:Q327730 TH-23:Q241884 TH-27:Q381889 TH-30:Q271737 TH-31:Q327510
TH-32:Q380757 TH-33:Q380761 TH-34:Q629024 TH-35:Q506598 TH-36:Q275377 TH-37:Q243791 TH-38:Q1001862
TH-39:Q261241 TH-40:Q327533 TH-41:Q380752 TH-42:Q275388 TH-43:Q327737 TH-44:Q468554 TH-45:Q625463
TH-46:Q382144 TH-47:Q382125 TH-48:Q468547 TH-49:Q335119 TH-50:Q233588 TH-51:Q240540 TH-52:Q240495
TH-53:Q273794 TH-54:Q244652 TH-55:Q244698 TH-56:Q244618 TH-57:Q236419 TH-58:Q269270 TH-60:Q239844
TH-61:Q244649 TH-62:Q273807 TH-63:Q275758 TH-64:Q380764 TH-65:Q275781 TH-66:Q237874 TH-67:Q240520
TH-70:Q335492 TH-71:Q275740 TH-76:Q244699 TH-77:Q244628 TH-80:Q244691 TH-81:Q236769 TH-82:Q273306
TH-83:Q182565 TH-84:Q240463 TH-85:Q236802 TH-86:Q244695 TH-90:Q235574 TH-91:Q236263 TH-92:Q243805
TH-93:Q243808 TH-94:Q236781 TH-95:Q242977 TH-96:Q271442
US-AK:Q797 US-AL:Q173 US-AR:Q1612 US-AZ:Q816 US-CA:Q99 US-CO:Q1261 US-CT:Q779 US-DC:Q61 US-DE:Q1393
US-FL:Q812 US-GA:Q1428 US-HI:Q782 US-IA:Q1546 US-ID:Q1221 US-IL:Q1204 US-IN:Q1415 US-KS:Q1558
US-KY:Q1603 US-LA:Q1588 US-MA:Q771 US-MD:Q1391 US-ME:Q724 US-MI:Q1166 US-MN:Q1527 US-MO:Q1581
US-MS:Q1494 US-MT:Q1212 US-NC:Q1454 US-ND:Q1207 US-NE:Q1553 US-NH:Q759 US-NJ:Q1408 US-NM:Q1522
US-NV:Q1227 US-NY:Q1384 US-OH:Q1397 US-OK:Q1649 US-OR:Q824 US-PA:Q1400 US-RI:Q1387 US-SC:Q1456
US-SD:Q1211 US-TN:Q1509 US-TX:Q1439 US-UT:Q829 US-VA:Q1370 US-VT:Q16551 US-WA:Q1223 US-WI:Q1537
US-WV:Q1371 US-WY:Q1214
""")

# Where the two files disagree, or one is known to be wrong: decision and reason.
SUB_QID_DECISIONS: dict[str, tuple[str, str]] = {
    "RU-ALT": ("Q5942", "protomaps repeats RU-AL's Q5971 for RU-ALT; covid's Q5942 (Altai Krai) kept"),
    "RU-MOS": ("Q1697", "protomaps swaps Moscow city/oblast (labels 'Moskva' under RU-MOS); covid's Q1697 (Moscow Oblast) kept"),
    "RU-MOW": ("Q649", "see RU-MOS; Q649 is the city of Moscow (covid)"),
    "CZ-32": ("Q46070", "protomaps' Q1080673 is the Plzeň-City district (covid key CZ_32_323); covid's region Q46070 kept"),
    "CZ-72": ("Q192536", "protomaps' Q262111 is the Zlín District (covid key CZ_72_724); covid's region Q192536 kept"),
    "BE-VLG": ("", "covid's key BE_VLG carries NUTS BE24 (Flemish Brabant), not the Flemish Region; left empty"),
    "LA-XS": ("", "covid lists LA_XS twice (Q20202028 and Q846580, the latter also as old LA_XN); ambiguous, left empty"),
    "MM-18": ("", "covid's only value Q4796 may be the city of Naypyidaw rather than the union territory; left empty"),
    "PH-14": ("", "covid's Q13708 is the former ARMM; the region is now BARMM (a different item); left empty"),
    "JP-01": ("Q1037393", "both files give Q35581, which is Hokkaido island; three other public files found with the "
              "search tool (exact-string index ids 66728813724, 68842735320, 70867920266) give the prefecture "
              "(P300 JP-01) as Q1037393 and say Natural Earth's Q35581 is the island; the first also lists JP-02..47 "
              "with the same QIDs as both files"),
}


# Third public files used only to confirm (asserted at build time):
# - IT regions: a script mapping ISTAT region codes 01..20 to QIDs (search-tool
#   exact-string index id 53572170427), re-keyed here to ISO codes;
# - JP prefectures: a script listing the 47 prefectures' QIDs (index id 66728813724);
# - FR metropolitan regions: a build script's list of the 13 region QIDs (index
#   id 68842735320); it gives the set, not the code-by-code mapping.
SUB_QID_CONFIRM = parse_qids("""
IT-21:Q1216 IT-23:Q1222 IT-25:Q1210 IT-32:Q1237 IT-34:Q1243 IT-36:Q1250 IT-42:Q1256 IT-45:Q1263
IT-52:Q1273 IT-55:Q1280 IT-57:Q1279 IT-62:Q1282 IT-65:Q1284 IT-67:Q1443 IT-72:Q1438 IT-75:Q1447
IT-77:Q1452 IT-78:Q1458 IT-82:Q1460 IT-88:Q1462
JP-01:Q1037393 JP-02:Q71699 JP-03:Q48326 JP-04:Q47896 JP-05:Q81863 JP-06:Q125863 JP-07:Q71707
JP-08:Q83273 JP-09:Q44843 JP-10:Q129499 JP-11:Q128186 JP-12:Q80011 JP-13:Q1490 JP-14:Q127513
JP-15:Q132705 JP-16:Q132929 JP-17:Q131281 JP-18:Q133879 JP-19:Q132720 JP-20:Q127877 JP-21:Q131277
JP-22:Q131320 JP-23:Q80434 JP-24:Q128196 JP-25:Q131358 JP-26:Q120730 JP-27:Q122723 JP-28:Q130290
JP-29:Q131287 JP-30:Q131314 JP-31:Q133935 JP-32:Q132751 JP-33:Q132936 JP-34:Q617375 JP-35:Q127264
JP-36:Q160734 JP-37:Q161454 JP-38:Q123376 JP-39:Q134093 JP-40:Q123258 JP-41:Q160420 JP-42:Q169376
JP-43:Q130308 JP-44:Q133924 JP-45:Q130300 JP-46:Q15701 JP-47:Q766445
""")
FR_METRO_REGION_QIDS_CONFIRM = {
    "Q13917", "Q13947", "Q18578267", "Q18677875", "Q18677767", "Q18677983", "Q16994",
    "Q12130", "Q18678082", "Q18678265", "Q18338206", "Q15104", "Q14112",
}


def resolve_qid(code: str, a: dict[str, str], b: dict[str, str], decisions: dict) -> tuple[str, str]:
    """Return (qid, provenance) for one code."""
    if code in decisions:
        return decisions[code][0], "decision"
    x, y = a.get(code), b.get(code)
    if x and y:
        if x != y:
            raise SystemExit(f"unresolved QID conflict for {code}: {x} vs {y}")
        return x, "both"
    if x:
        return x, "first-only"
    if y:
        return y, "second-only"
    return "", "none"


# ---------------------------------------------------------------------------
# Countries: Vietnamese press names and aliases
# ---------------------------------------------------------------------------
# Format per line:  ISO2 | name_vi (empty = CLDR) | alias; alias; ...
# Aliases are press forms; the English common name(s) are included.

COUNTRY_CURATION = """
VN | Việt Nam | Vietnam; Viet Nam; CHXHCN Việt Nam; Cộng hòa Xã hội Chủ nghĩa Việt Nam
LA | Lào | Laos; CHDCND Lào; Cộng hòa Dân chủ Nhân dân Lào; Lao PDR
KH | Campuchia | Cam-pu-chia; Cambodia; Vương quốc Campuchia; Cao Miên
TH | Thái Lan | Thailand; Vương quốc Thái Lan
MM | Myanmar | Mi-an-ma; Mianma; Miến Điện; Burma; Cộng hòa Liên bang Myanmar
MY | Malaysia | Ma-lai-xi-a; Malaixia
SG | Singapore | Xinh-ga-po; Xingapo; Tân Gia Ba; Cộng hòa Singapore
ID | Indonesia | In-đô-nê-xi-a; Inđônêxia; Cộng hòa Indonesia
PH | Philippines | Phi-líp-pin; Philippin; Phi Luật Tân; Cộng hòa Philippines
BN | Brunei | Bru-nây; Brunây; Brunei Darussalam
TL | Timor-Leste | Đông Timor; Timor Leste; East Timor; Ti-mo Lét-xtê
CN | Trung Quốc | Trung Hoa; China; Cộng hòa Nhân dân Trung Hoa; CHND Trung Hoa
TW | Đài Loan | Taiwan; Chinese Taipei; Trung Hoa Đài Bắc
HK | Hồng Kông | Hong Kong; Hongkong; Hương Cảng; Đặc khu hành chính Hồng Kông
MO | Ma Cao | Macau; Macao; Áo Môn; Đặc khu hành chính Ma Cao
JP | Nhật Bản | Nhật; Japan
KR | Hàn Quốc | Đại Hàn Dân Quốc; Đại Hàn; Nam Hàn; Nam Triều Tiên; South Korea; Republic of Korea
KP | Triều Tiên | CHDCND Triều Tiên; Cộng hòa Dân chủ Nhân dân Triều Tiên; Bắc Triều Tiên; North Korea; DPRK
MN | Mông Cổ | Mongolia
IN | Ấn Độ | India; Cộng hòa Ấn Độ
PK | Pakistan | Pa-ki-xtan; Pakixtan
BD | Bangladesh | Băng-la-đét; Bănglađét
LK | Sri Lanka | Xri Lan-ca; Xri Lanca
NP | Nepal | Nê-pan; Nêpan
BT | Bhutan | Bu-tan
MV | Maldives | Man-đi-vơ; Manđivơ
AF | Afghanistan | Áp-ga-ni-xtan; Ápganixtan
US | Hoa Kỳ | Mỹ; Hoa Kì; Hợp chúng quốc Hoa Kỳ; Hợp chủng quốc Hoa Kỳ; United States; United States of America; USA
CA | Canada | Ca-na-đa; Canađa
MX | Mexico | Mê-hi-cô; Mêhicô; México
CU | Cuba | Cu-ba; Cộng hòa Cuba
BR | Brazil | Bra-xin; Braxin; Brasil
AR | Argentina | Ác-hen-ti-na; Áchentina
CL | Chile | Chi-lê; Chilê
PE | Peru | Pê-ru
CO | Colombia | Cô-lôm-bi-a; Côlômbia
VE | Venezuela | Vê-nê-xu-ê-la; Vênêxuêla
EC | Ecuador | Ê-cu-a-đo; Êcuađo
BO | Bolivia | Bô-li-vi-a; Bôlivia
UY | Uruguay | U-ru-goay; Urugoay
PY | Paraguay | Pa-ra-goay; Paragoay
NI | Nicaragua | Ni-ca-ra-goa; Nicaragoa
PA | Panama | Pa-na-ma
JM | Jamaica | Gia-mai-ca; Giamaica
AU | Úc | Australia; Ô-xtrây-li-a; Ôxtrâylia; Liên bang Australia; Liên bang Úc
NZ | New Zealand | Niu Di-lân; Niu Dilân; Tân Tây Lan
PG | Papua New Guinea | Pa-pua Niu Ghi-nê; Papua Niu Ghinê
FJ | Fiji | Phi-gi; Phigi
RU | Nga | Liên bang Nga; LB Nga; Russia
UA | Ukraine | Ukraina; U-crai-na; Ucraina
BY | Belarus | Bê-la-rút; Bêlarút
GB | Anh | Vương quốc Anh; Anh Quốc; Vương quốc Liên hiệp Anh và Bắc Ireland; Liên hiệp Vương quốc Anh; United Kingdom; UK; Britain; Great Britain
FR | Pháp | Cộng hòa Pháp; France
DE | Đức | CHLB Đức; Cộng hòa Liên bang Đức; Liên bang Đức; Germany
IT | Italia | Ý; Italy; Cộng hòa Italia; I-ta-li-a
ES | Tây Ban Nha | Spain; Vương quốc Tây Ban Nha
PT | Bồ Đào Nha | Portugal
NL | Hà Lan | Netherlands; Holland; Vương quốc Hà Lan
BE | Bỉ | Vương quốc Bỉ; Belgium
LU | Luxembourg | Lúc-xăm-bua; Lúcxămbua
CH | Thụy Sĩ | Thụy Sỹ; Liên bang Thụy Sĩ; Switzerland
AT | Áo | Cộng hòa Áo; Austria
SE | Thụy Điển | Vương quốc Thụy Điển; Sweden
NO | Na Uy | Vương quốc Na Uy; Norway
DK | Đan Mạch | Vương quốc Đan Mạch; Denmark
FI | Phần Lan | Finland
IS | Iceland | Ai-xơ-len; Aixơlen
IE | Ireland | Ai-len; Ailen; Cộng hòa Ireland
PL | Ba Lan | Cộng hòa Ba Lan; Poland
CZ | Séc | Cộng hòa Séc; CH Séc; Czech; Czechia; Czech Republic
SK | Slovakia | Xlô-va-ki-a; Xlôvakia; Cộng hòa Slovakia
HU | Hungary | Hung-ga-ri; Hunggari; Hungari
RO | Romania | Ru-ma-ni; Rumani; Rumania; Rô-ma-ni-a
BG | Bulgaria | Bun-ga-ri; Bungari
GR | Hy Lạp | Greece
RS | Serbia | Xéc-bi-a; Xécbia
HR | Croatia | Crô-a-ti-a; Crôatia
SI | Slovenia | Xlô-ven-ni-a; Xlôvênia
EE | Estonia | E-xtô-ni-a; Extônia
LV | Latvia | Lát-vi-a; Látvia
LT | Litva | Lít-va; Lithuania
MD | Moldova | Môn-đô-va; Mônđôva
AL | Albania | An-ba-ni; Anbani
MK | Bắc Macedonia | Macedonia
BA | Bosnia và Herzegovina | Bosnia-Herzegovina; Bô-xni-a Héc-dê-gô-vi-na
ME | Montenegro | Môn-tê-nê-grô; Môntênêgrô
CY | Síp | Cộng hòa Síp; Cyprus
MT | Malta | Man-ta
VA | Vatican | Thành Vatican; Tòa Thánh Vatican; Tòa Thánh; Va-ti-căng; Holy See; Vatican City
TR | Thổ Nhĩ Kỳ | Turkey; Türkiye
GE | Gruzia | Georgia; Gru-di-a
AM | Armenia | Ác-mê-ni-a; Ácmênia
AZ | Azerbaijan | A-déc-bai-gian; Adécbaigian
KZ | Kazakhstan | Ca-dắc-xtan; Cadắcxtan
UZ | Uzbekistan | U-dơ-bê-ki-xtan; Udơbêkixtan
KG | Kyrgyzstan | Cư-rơ-gư-xtan; Cưrơgưxtan; Kyrgyz
TJ | Tajikistan | Tát-gi-ki-xtan; Tátgikixtan
TM | Turkmenistan | Tuốc-mê-ni-xtan; Tuốcmênixtan
IL | Israel | I-xra-en; Ixraen; Nhà nước Israel
PS | Palestine | Nhà nước Palestine; Lãnh thổ Palestine; Pa-le-xtin; Palextin; State of Palestine
SA | Ả Rập Xê-út | Arab Saudi; Ả-rập Xê-út; Ả Rập Saudi; Saudi Arabia; Vương quốc Ả Rập Xê-út
AE | Các Tiểu vương quốc Arab Thống nhất | UAE; Các Tiểu Vương quốc Ả Rập Thống nhất; Tiểu vương quốc Arab Thống nhất; Các Tiểu vương quốc Ả-rập Thống nhất; United Arab Emirates
QA | Qatar | Ca-ta; Cata
KW | Kuwait | Cô-oét; Côoét
BH | Bahrain | Ba-ranh; Baranh
OM | Oman | Ô-man; Ôman
YE | Yemen | Y-ê-men; Yêmen
JO | Jordan | Gioóc-đa-ni; Gioócđani
LB | Liban | Li-băng; Libăng; Lebanon
SY | Syria | Xy-ri; Xyri
IQ | Iraq | I-rắc; Irắc
IR | Iran | I-ran; Cộng hòa Hồi giáo Iran
EG | Ai Cập | Egypt; Cộng hòa Ả Rập Ai Cập
LY | Libya | Li-bi; Libi
TN | Tunisia | Tuy-ni-di; Tuynidi
DZ | Algeria | An-giê-ri; Angiêri
MA | Maroc | Ma-rốc; Marốc; Morocco
ZA | Nam Phi | Cộng hòa Nam Phi; South Africa
NG | Nigeria | Ni-giê-ri-a; Nigiêria
MZ | Mozambique | Mô-dăm-bích; Môdămbích
AO | Angola | Ăng-gô-la; Ănggôla
ET | Ethiopia | Ê-ti-ô-pi-a; Êtiôpia
KE | Kenya | Kê-ni-a; Kênia
TZ | Tanzania | Tan-da-ni-a; Tandania
SN | Senegal | Xê-nê-gan; Xênêgan
GH | Ghana | Ga-na
CM | Cameroon | Ca-mơ-run; Camơrun
MG | Madagascar | Ma-đa-ga-xca; Mađagaxca
CD | Cộng hòa Dân chủ Congo | CHDC Congo; Democratic Republic of the Congo; DR Congo; Congo-Kinshasa; Congo - Kinshasa
CG | Cộng hòa Congo | Congo-Brazzaville; Congo - Brazzaville
CI | Bờ Biển Ngà | Côte d’Ivoire; Côte d'Ivoire; Ivory Coast
CV | Cabo Verde | Cape Verde; Cáp-ve
KN | Saint Kitts và Nevis | St. Kitts và Nevis; Saint Kitts and Nevis
LC | Saint Lucia | St. Lucia
VC | Saint Vincent và Grenadines | St. Vincent và Grenadines; Saint Vincent and the Grenadines
BL | Saint Barthélemy | St. Barthélemy
MF | Saint Martin | St. Martin
SH | Saint Helena | St. Helena; Saint Helena, Ascension và Tristan da Cunha
GS | Nam Georgia và Quần đảo Nam Sandwich | Nam Georgia & Quần đảo Nam Sandwich; South Georgia and the South Sandwich Islands
SZ | Eswatini | Swaziland; Xoa-di-len
HT | Haiti | Ha-i-ti
PR | Puerto Rico | Pu-éc-tô Ri-cô
GF | Guiana thuộc Pháp | French Guiana; Guyane thuộc Pháp
RE | Réunion | La Réunion
FK | | Falkland Islands; Malvinas
FM | | Federated States of Micronesia
CC | Quần đảo Cocos | Quần đảo Cocos (Keeling); Cocos Islands; Keeling Islands
"""


# ---------------------------------------------------------------------------
# First-level subdivisions: Vietnamese press names and aliases
# ---------------------------------------------------------------------------
# Format per line:  code suffix | name_en | name_vi | alias; alias; ...
# (The ISO 3166-2 romanisation from pycountry is added as an alias when it
# folds differently from every form listed.)

SUB_CURATION: dict[str, str] = {}

SUB_CURATION["LA"] = """
AT | Attapeu | Attapeu | Attapư; Át-tạ-pư; Attapu; Attopeu
BK | Bokeo | Bò Kẹo | Bokeo
BL | Bolikhamxay | Bolikhamxay | Bô-ly-khăm-xay; Bô Ly Khăm Xay; Bôlykhămxay; Bolikhamsai; Borikhamxay; Bolykhamxay; Bô-li-khăm-xay
CH | Champasak | Chăm Pa Sắc | Champasak; Champassak; Champasack; Chămpasắc; Chăm-pa-sắc; Chăm Pa Xắc; Chăm-pa-xắc; Chămpaxắc
HO | Houaphanh | Hủa Phăn | Houaphanh; Houaphan; Huaphan; Hủa-phăn; Hủaphăn
KH | Khammouane | Khăm Muồn | Khammouane; Khammouan; Khammuan; Khăm-muồn; Khămmuồn
LM | Luang Namtha | Luổng Nặm Thà | Luang Namtha; Louang Namtha; Luông Nặm Thà; Luang Nậm Thà; Luổng Nậm Thà; Luổng-nặm-thà
LP | Luang Prabang | Luông Pha Băng | Luang Prabang; Louangphabang; Louang Phabang; Luang Phrabang; Luông Prabang; Luổng Pha Bang; Luông-pha-băng; Luổng Phạ Bang
OU | Oudomxay | U Đôm Xay | Oudomxay; Oudomxai; Udomxay; U-đôm-xay; Uđômxay
PH | Phongsaly | Phông Xa Lỳ | Phongsaly; Phongsali; Phông-xa-lỳ; Phôngxalỳ
SL | Salavan | Sa La Van | Salavan; Saravane; Saravan; Salavane; Sa-la-van; Salavăn; Sả Lạ Văn; Sa Ra Van
SV | Savannakhet | Savannakhet | Xavannakhet; Sạ Vẳn Nạ Khệt; Xa-van-na-khệt; Sa-van-na-khệt; Savanakhet; Xavanakhet
VI | Vientiane Province | tỉnh Viêng Chăn | Vientiane Province; tỉnh Vientiane
VT | Vientiane | Thủ đô Viêng Chăn | Viêng Chăn; Thủ đô Vientiane; Vientiane Capital; Vientiane Prefecture; Viangchan; Nakhon Luang Viangchan
XA | Xayaboury | Xay Nha Bu Ly | Xayaboury; Sayabouly; Xayabouly; Xaignabouli; Xaignabouri; Sainyabuli; Xayaburi; Sayaboury; Xay-nha-bu-ly; Xaynhabuly
XE | Sekong | Sê Kông | Sekong; Xekong; Sêkông; Xê Kông; Sê-kông
XI | Xiangkhouang | Xiêng Khoảng | Xieng Khouang; Xiangkhouang; Xiengkhouang; Xiangkhoang; Xiêng-khoảng; Xiêngkhoảng
XS | Xaisomboun | Xay Xổm Bun | Xaysomboun; Xaisomboun; Saysomboun; Xay-xổm-bun; Xayxổmbun
"""

SUB_CURATION["KH"] = """
1 | Banteay Meanchey | Banteay Meanchey | Banteay Mean Chey; Banteay Meanchay; Bantây Miên Chây; Bon-tê-ay Miên-chây
2 | Battambang | Battambang | Batdambang; Bát-tam-bang; Bát Tam Bang; Bát Đom Boong; Batdâmbâng
3 | Kampong Cham | Kampong Cham | Kông-pông Chàm; Kông Pông Chàm; Công-pông Chàm; Kompong Cham; Kông Pông Chăm
4 | Kampong Chhnang | Kampong Chhnang | Kông-pông Chhnăng; Kông Pông Chhnăng; Kompong Chhnang
5 | Kampong Speu | Kampong Speu | Kông-pông Xpư; Kông Pông Spư; Kompong Speu
6 | Kampong Thom | Kampong Thom | Kông-pông Thom; Kông Pông Thom; Kompong Thom
7 | Kampot | Kampot | Căm-pốt; Căm Pốt; Kăm-pốt; Kămpốt
8 | Kandal | Kandal | Kan-đan; Kăn-đan; Kăn Đan
9 | Koh Kong | Koh Kong | Kô Kông; Kòong Kông; Cô Công
10 | Kratie | Kratie | Kra-chê; Krachê; Cra-chê
11 | Mondulkiri | Mondulkiri | Mondolkiri; Mondul Kiri; Mun-đun-ki-ri; Môn-đun-ki-ri; Mônđunkiri
12 | Phnom Penh | Phnôm Pênh | Phnom Penh; Phnôm-pênh; Nam Vang; Thủ đô Phnôm Pênh; Thủ đô Phnom Penh
13 | Preah Vihear | Preah Vihear | Prê-ah Vi-hia; Prêah Vihia; Preăh Vihia
14 | Prey Veng | Prey Veng | Prây Veng; Prây-veng; Prâyveng
15 | Pursat | Pursat | Pô-sát; Posat; Pouthisat
16 | Ratanakiri | Ratanakiri | Ra-ta-na-ki-ri; Rattanakiri; Ratanakkiri; Ratanak Kiri; Rôtanakiri
17 | Siem Reap | Siem Reap | Xiêm Riệp; Xiêm-riệp; Xiêm Reap; Siemreap
18 | Preah Sihanouk | Preah Sihanouk | Sihanoukville; Xi-ha-núc-vin; Xihanúcvin; Kampong Som; Kông-pông Xom; Kompong Som; Krong Preah Sihanouk
19 | Stung Treng | Stung Treng | Xtung Treng; Xtưng Treng; Stoeng Treng
20 | Svay Rieng | Svay Rieng | Svây Riêng; Xvây Riêng; Soài Riêng
21 | Takeo | Takeo | Ta Keo; Ta-keo
22 | Oddar Meanchey | Oddar Meanchey | Otdar Meanchey; Oddor Meanchey; Uddar Meanchey; Ô-đô Miên-chây; Ô Đô Miên Chây
23 | Kep | tỉnh Kep | Krong Kep; Kep City; Kep Province
24 | Pailin | Pailin | Pai-lin; Krong Pailin
25 | Tbong Khmum | Tbong Khmum | Tboung Khmum; Tbaung Khmum; Tbông Khmum; Thbong Khmum; Tbong Khmom
"""

SUB_CURATION["CN"] = """
AH | Anhui | An Huy | Anhui
BJ | Beijing | Bắc Kinh | Beijing; Peking; Thành phố Bắc Kinh
CQ | Chongqing | Trùng Khánh | Chongqing; Chungking; Thành phố Trùng Khánh
FJ | Fujian | Phúc Kiến | Fujian; Fukien
GD | Guangdong | Quảng Đông | Guangdong; tỉnh Quảng Đông
GS | Gansu | Cam Túc | Gansu
GX | Guangxi | Quảng Tây | Guangxi; Khu tự trị dân tộc Choang Quảng Tây; Khu tự trị Quảng Tây; Guangxi Zhuang
GZ | Guizhou | Quý Châu | Guizhou
HA | Henan | Hà Nam | Henan
HB | Hubei | Hồ Bắc | Hubei
HE | Hebei | Hà Bắc | Hebei
HI | Hainan | Hải Nam | Hainan; đảo Hải Nam
HK | Hong Kong | Hồng Kông | Hong Kong; Hongkong; Hương Cảng; Đặc khu hành chính Hồng Kông
HL | Heilongjiang | Hắc Long Giang | Heilongjiang
HN | Hunan | Hồ Nam | Hunan
JL | Jilin | Cát Lâm | Jilin
JS | Jiangsu | Giang Tô | Jiangsu
JX | Jiangxi | Giang Tây | Jiangxi
LN | Liaoning | Liêu Ninh | Liaoning
MO | Macau | Ma Cao | Macau; Macao; Áo Môn; Đặc khu hành chính Ma Cao
NM | Inner Mongolia | Nội Mông | Inner Mongolia; Nội Mông Cổ; Nei Mongol; Khu tự trị Nội Mông
NX | Ningxia | Ninh Hạ | Ningxia; Khu tự trị dân tộc Hồi Ninh Hạ
QH | Qinghai | Thanh Hải | Qinghai
SC | Sichuan | Tứ Xuyên | Sichuan; Szechuan
SD | Shandong | Sơn Đông | Shandong
SH | Shanghai | Thượng Hải | Shanghai
SN | Shaanxi | Thiểm Tây | Shaanxi
SX | Shanxi | Sơn Tây | Shanxi
TJ | Tianjin | Thiên Tân | Tianjin
TW | Taiwan | Đài Loan | Taiwan
XJ | Xinjiang | Tân Cương | Xinjiang; Khu tự trị Duy Ngô Nhĩ Tân Cương
XZ | Tibet | Tây Tạng | Tibet; Xizang; Khu tự trị Tây Tạng
YN | Yunnan | Vân Nam | Yunnan; tỉnh Vân Nam
ZJ | Zhejiang | Chiết Giang | Zhejiang
"""

SUB_CURATION["TH"] = """
10 | Bangkok | Băng Cốc | Bangkok; Krung Thep; Krung Thep Maha Nakhon; Băng-cốc; Vọng Các; Thủ đô Bangkok
11 | Samut Prakan | Samut Prakan | Samutprakan; Samut Prakarn
12 | Nonthaburi | Nonthaburi |
13 | Pathum Thani | Pathum Thani | Pathumthani
14 | Ayutthaya | Ayutthaya | Phra Nakhon Si Ayutthaya; Ayuthaya; Ayudhya; A-út-thay-a
15 | Ang Thong | Ang Thong | Angthong
16 | Lopburi | Lopburi | Lop Buri; Lốp-bu-ri
17 | Singburi | Singburi | Sing Buri
18 | Chainat | Chainat | Chai Nat
19 | Saraburi | Saraburi | Sa-ra-bu-ri
20 | Chonburi | Chonburi | Chon Buri; Chôn-bu-ri
21 | Rayong | Rayong | Ra-dong
22 | Chanthaburi | Chanthaburi | Chantaburi; Chăn-tha-bu-ri
23 | Trat | Trat | Tơ-rát
24 | Chachoengsao | Chachoengsao |
25 | Prachinburi | Prachinburi | Prachin Buri
26 | Nakhon Nayok | Nakhon Nayok |
27 | Sa Kaeo | Sa Kaeo | Sakaeo; Sa Kaew
30 | Nakhon Ratchasima | Nakhon Ratchasima | Korat; Khorat; Na-khon Rát-cha-xi-ma
31 | Buriram | Buriram | Buri Ram; Bu-ri-ram
32 | Surin | Surin | Xu-rin
33 | Sisaket | Sisaket | Si Sa Ket; Srisaket; Si-xa-kết
34 | Ubon Ratchathani | Ubon Ratchathani | Ubon; U-bon; U-bon Rát-cha-tha-ni; Ubonratchathani
35 | Yasothon | Yasothon | Da-xô-thon
36 | Chaiyaphum | Chaiyaphum | Chai-da-phum
37 | Amnat Charoen | Amnat Charoen | Am-nát Cha-rơn
38 | Bueng Kan | Bueng Kan | Bung Kan; Buengkan; Bưng Kan
39 | Nong Bua Lamphu | Nong Bua Lamphu | Noọng Bua Lăm Phu
40 | Khon Kaen | Khon Kaen | Khỏn Kèn; Khòn Kèn; Khon Kèn
41 | Udon Thani | Udon Thani | Udon; U-đon; U-đon Tha-ni; Uđon Thani; Udonthani
42 | Loei | Loei | Lơi
43 | Nong Khai | Nong Khai | Noọng Khai; Nông Khai; Nongkhai
44 | Maha Sarakham | Maha Sarakham | Mahasarakham; Ma-ha Xa-ra-kham
45 | Roi Et | Roi Et | Roiet; Rọi Ét
46 | Kalasin | Kalasin | Ca-la-xin
47 | Sakon Nakhon | Sakon Nakhon | Sa-kôn Na-khôn; Xa-kôn Na-khôn; Sakhon Nakhon; Sakonnakhon
48 | Nakhon Phanom | Nakhon Phanom | Na-khon Pha-nôm; Na-khon Pha-nom; Nakhonphanom
49 | Mukdahan | Mukdahan | Mục-đa-hản; Múc-đa-hản; Mục Đa Hản
50 | Chiang Mai | Chiang Mai | Chiềng Mai; Chiangmai; Chiêng Mai
51 | Lamphun | Lamphun |
52 | Lampang | Lampang |
53 | Uttaradit | Uttaradit |
54 | Phrae | Phrae |
55 | Nan | tỉnh Nan | Nan Province
56 | Phayao | Phayao |
57 | Chiang Rai | Chiang Rai | Chiềng Rai; Chiangrai
58 | Mae Hong Son | Mae Hong Son | Maehongson
60 | Nakhon Sawan | Nakhon Sawan |
61 | Uthai Thani | Uthai Thani |
62 | Kamphaeng Phet | Kamphaeng Phet |
63 | Tak | tỉnh Tak | Tak Province
64 | Sukhothai | Sukhothai | Xu-khô-thai
65 | Phitsanulok | Phitsanulok |
66 | Phichit | Phichit |
67 | Phetchabun | Phetchabun |
70 | Ratchaburi | Ratchaburi |
71 | Kanchanaburi | Kanchanaburi |
72 | Suphanburi | Suphanburi | Suphan Buri
73 | Nakhon Pathom | Nakhon Pathom |
74 | Samut Sakhon | Samut Sakhon |
75 | Samut Songkhram | Samut Songkhram |
76 | Phetchaburi | Phetchaburi |
77 | Prachuap Khiri Khan | Prachuap Khiri Khan |
80 | Nakhon Si Thammarat | Nakhon Si Thammarat |
81 | Krabi | Krabi | Cra-bi
82 | Phang Nga | Phang Nga | Phangnga
83 | Phuket | Phuket | Phu-ket; Phúc-két
84 | Surat Thani | Surat Thani | Xu-rát Tha-ni
85 | Ranong | Ranong |
86 | Chumphon | Chumphon |
90 | Songkhla | Songkhla | Xông-khla
91 | Satun | Satun |
92 | Trang | tỉnh Trang | Trang Province
93 | Phatthalung | Phatthalung |
94 | Pattani | Pattani | Pa-ta-ni
95 | Yala | Yala |
96 | Narathiwat | Narathiwat |
S | Pattaya | Pattaya | Pát-ta-ya; Pattaya City
"""

SUB_CURATION["JP"] = """
01 | Hokkaido | Hokkaido | Hốc-cai-đô
02 | Aomori | Aomori |
03 | Iwate | Iwate |
04 | Miyagi | Miyagi |
05 | Akita | Akita |
06 | Yamagata | Yamagata |
07 | Fukushima | Fukushima | Phu-cư-si-ma
08 | Ibaraki | Ibaraki |
09 | Tochigi | Tochigi |
10 | Gunma | Gunma |
11 | Saitama | Saitama |
12 | Chiba | Chiba |
13 | Tokyo | Tokyo | Tô-ky-ô; Tokio; Thủ đô Tokyo
14 | Kanagawa | Kanagawa | Ca-na-ga-oa
15 | Niigata | Niigata |
16 | Toyama | Toyama |
17 | Ishikawa | Ishikawa |
18 | Fukui | Fukui |
19 | Yamanashi | Yamanashi |
20 | Nagano | Nagano |
21 | Gifu | Gifu |
22 | Shizuoka | Shizuoka |
23 | Aichi | Aichi |
24 | Mie | Mie |
25 | Shiga | Shiga |
26 | Kyoto | Kyoto | Ky-ô-tô; Kyoto-fu
27 | Osaka | Osaka | Ô-xa-ca; Osaka-fu
28 | Hyogo | Hyogo | Hiogo
29 | Nara | Nara |
30 | Wakayama | Wakayama |
31 | Tottori | Tottori |
32 | Shimane | Shimane |
33 | Okayama | Okayama |
34 | Hiroshima | Hiroshima | Hi-rô-si-ma
35 | Yamaguchi | Yamaguchi |
36 | Tokushima | Tokushima |
37 | Kagawa | Kagawa |
38 | Ehime | Ehime |
39 | Kochi | Kochi |
40 | Fukuoka | Fukuoka | Phu-cu-ô-ca
41 | Saga | Saga |
42 | Nagasaki | Nagasaki | Na-ga-xa-ki
43 | Kumamoto | Kumamoto |
44 | Oita | Oita |
45 | Miyazaki | Miyazaki |
46 | Kagoshima | Kagoshima |
47 | Okinawa | Okinawa | Ô-ki-na-oa
"""

SUB_CURATION["KR"] = """
11 | Seoul | Seoul | Xơ-un; Hán Thành
26 | Busan | Busan | Pusan; Bu-san
27 | Daegu | Daegu | Taegu
28 | Incheon | Incheon | Inchon; In-chơn
29 | Gwangju | Gwangju | Kwangju
30 | Daejeon | Daejeon | Taejon
31 | Ulsan | Ulsan | U-xan
41 | Gyeonggi | Gyeonggi | Gyeonggi-do; Kyonggi; Kyunggi; tỉnh Gyeonggi
42 | Gangwon | Gangwon | Kangwon; Gangwon-do; Gangwon State; Giang Nguyên
43 | North Chungcheong | Chungcheong Bắc | Bắc Chungcheong; North Chungcheong; Chungcheongbuk-do; Chungcheongbuk; Chungbuk
44 | South Chungcheong | Chungcheong Nam | Nam Chungcheong; South Chungcheong; Chungcheongnam-do; Chungcheongnam; Chungnam
45 | North Jeolla | Jeolla Bắc | Bắc Jeolla; North Jeolla; Jeollabuk-do; Jeollabuk; Jeonbuk; Jeonbuk State
46 | South Jeolla | Jeolla Nam | Nam Jeolla; South Jeolla; Jeollanam-do; Jeollanam; Jeonnam
47 | North Gyeongsang | Gyeongsang Bắc | Bắc Gyeongsang; North Gyeongsang; Gyeongsangbuk-do; Gyeongsangbuk; Gyeongbuk; Kyongsang Bắc
48 | South Gyeongsang | Gyeongsang Nam | Nam Gyeongsang; South Gyeongsang; Gyeongsangnam-do; Gyeongsangnam; Gyeongnam
49 | Jeju | Jeju | Cheju; Jeju-do; đảo Jeju; Tế Châu
50 | Sejong | Sejong | Sejong City; Thành phố Sejong
"""

SUB_CURATION["DE"] = """
BB | Brandenburg | Brandenburg | Bran-đen-buốc
BE | Berlin | Berlin | Béc-lin; Béclin; Bá Linh
BW | Baden-Württemberg | Baden-Württemberg | Baden-Wuerttemberg; Baden Württemberg
BY | Bavaria | Bayern | Bavaria; Ba-vi-a; Freistaat Bayern
HB | Bremen | Bremen | Brê-men
HE | Hesse | Hessen | Hesse
HH | Hamburg | Hamburg | Hăm-buốc; Hămbuốc
MV | Mecklenburg-Western Pomerania | Mecklenburg-Vorpommern | Mecklenburg-Western Pomerania
NI | Lower Saxony | Niedersachsen | Lower Saxony; Hạ Saxony
NW | North Rhine-Westphalia | Nordrhein-Westfalen | North Rhine-Westphalia; Bắc Rhine-Westphalia; NRW
RP | Rhineland-Palatinate | Rheinland-Pfalz | Rhineland-Palatinate
SH | Schleswig-Holstein | Schleswig-Holstein |
SL | Saarland | Saarland | Saar
SN | Saxony | Sachsen | Saxony; Xắc-xông; Freistaat Sachsen
ST | Saxony-Anhalt | Sachsen-Anhalt | Saxony-Anhalt
TH | Thuringia | Thüringen | Thuringia; Thuringen; Thueringen; Tiểu bang Thüringen; Freistaat Thüringen
"""

SUB_CURATION["IT"] = """
21 | Piedmont | Piedmont | Piemonte
23 | Aosta Valley | Valle d'Aosta | Aosta Valley; Valle d’Aosta; Vallée d'Aoste
25 | Lombardy | Lombardy | Lombardia
32 | Trentino-Alto Adige | Trentino-Alto Adige | Trentino-South Tyrol; Trentino-Südtirol
34 | Veneto | Veneto | Venetia
36 | Friuli-Venezia Giulia | Friuli-Venezia Giulia |
42 | Liguria | Liguria |
45 | Emilia-Romagna | Emilia-Romagna |
52 | Tuscany | Tuscany | Toscana; Toscane
55 | Umbria | Umbria |
57 | Marche | Marche | Marches
62 | Lazio | Lazio | Latium
65 | Abruzzo | Abruzzo | Abruzzi
67 | Molise | Molise |
72 | Campania | Campania |
75 | Apulia | Puglia | Apulia
77 | Basilicata | Basilicata | Lucania
78 | Calabria | Calabria |
82 | Sicily | Sicily | Sicilia; Xi-xi-li; đảo Sicily
88 | Sardinia | Sardinia | Sardegna; đảo Sardinia
"""

SUB_CURATION["CZ"] = """
10 | Prague | Praha | Prague; Pra-ha; Hlavní město Praha; Thủ đô Praha
20 | Central Bohemian Region | Trung Bohemia | Central Bohemia; Středočeský
31 | South Bohemian Region | Nam Bohemia | South Bohemia; Jihočeský
32 | Plzeň Region | Plzeň | Plzeňský; Pilsen; vùng Plzeň
41 | Karlovy Vary Region | Karlovy Vary | Karlovarský; Các-lô-vi Va-ry; vùng Karlovy Vary
42 | Ústí nad Labem Region | Ústecký | Ustecky; Ústecký kraj; vùng Ústí; Ústí nad Labem Region
51 | Liberec Region | Liberec | Liberecký
52 | Hradec Králové Region | Hradec Králové | Královéhradecký
53 | Pardubice Region | Pardubice | Pardubický
63 | Vysočina Region | Vysočina | Kraj Vysočina
64 | South Moravian Region | Nam Moravia | South Moravia; Jihomoravský
71 | Olomouc Region | Olomouc | Olomoucký
72 | Zlín Region | Zlín | Zlínský
80 | Moravian-Silesian Region | Moravia-Silesia | Moravian-Silesian; Moravskoslezský
"""

SUB_CURATION["FR"] = """
ARA | Auvergne-Rhône-Alpes | Auvergne-Rhône-Alpes |
BFC | Bourgogne-Franche-Comté | Bourgogne-Franche-Comté | Burgundy-Franche-Comté
BRE | Brittany | Bretagne | Brittany
CVL | Centre-Val de Loire | Centre-Val de Loire |
GES | Grand Est | Grand Est |
HDF | Hauts-de-France | Hauts-de-France |
IDF | Île-de-France | Île-de-France |
NAQ | Nouvelle-Aquitaine | Nouvelle-Aquitaine | New Aquitaine
NOR | Normandy | Normandie | Normandy; Noóc-măng-đi
OCC | Occitanie | Occitanie | Occitania
PAC | Provence-Alpes-Côte d'Azur | Provence-Alpes-Côte d'Azur | PACA; Provence
PDL | Pays de la Loire | Pays de la Loire |
20R | Corsica | Corse | Corsica; Coóc-xơ; đảo Corse
971 | Guadeloupe | Guadeloupe |
972 | Martinique | Martinique |
973 | French Guiana | Guyane thuộc Pháp | Guyane; Guyane française
974 | Réunion | La Réunion |
976 | Mayotte | Mayotte |
"""

SUB_CURATION["US"] = """
AK | Alaska | Alaska | A-lát-xca
AL | Alabama | Alabama |
AR | Arkansas | Arkansas |
AZ | Arizona | Arizona | A-ri-dô-na
CA | California | California | Ca-li-pho-ni-a; Cali
CO | Colorado | Colorado | Cô-lô-ra-đô
CT | Connecticut | Connecticut |
DC | District of Columbia | Washington D.C. | Washington DC; Washington, D.C.; Oa-sinh-tơn; Hoa Thịnh Đốn; Thủ đô Washington; Đặc khu Columbia; District of Columbia
DE | Delaware | Delaware |
FL | Florida | Florida | Phlo-ri-đa
GA | Georgia | Georgia | bang Georgia
HI | Hawaii | Hawaii | Ha-oai; Hawai'i
IA | Iowa | Iowa |
ID | Idaho | Idaho |
IL | Illinois | Illinois |
IN | Indiana | Indiana |
KS | Kansas | Kansas |
KY | Kentucky | Kentucky |
LA | Louisiana | Louisiana |
MA | Massachusetts | Massachusetts | Ma-xa-chu-xét
MD | Maryland | Maryland |
ME | Maine | Maine |
MI | Michigan | Michigan |
MN | Minnesota | Minnesota |
MO | Missouri | Missouri |
MS | Mississippi | Mississippi |
MT | Montana | Montana |
NC | North Carolina | North Carolina | Bắc Carolina
ND | North Dakota | North Dakota | Bắc Dakota
NE | Nebraska | Nebraska |
NH | New Hampshire | New Hampshire |
NJ | New Jersey | New Jersey | Niu Giơ-xi
NM | New Mexico | New Mexico |
NV | Nevada | Nevada |
NY | New York | New York | Niu Oóc; Niu-oóc; Nữu Ước; bang New York
OH | Ohio | Ohio |
OK | Oklahoma | Oklahoma |
OR | Oregon | Oregon |
PA | Pennsylvania | Pennsylvania |
RI | Rhode Island | Rhode Island |
SC | South Carolina | South Carolina | Nam Carolina
SD | South Dakota | South Dakota | Nam Dakota
TN | Tennessee | Tennessee |
TX | Texas | Texas | Tếch-dát; Tếch-xát
UT | Utah | Utah |
VA | Virginia | Virginia |
VT | Vermont | Vermont |
WA | Washington | bang Washington | Washington State; tiểu bang Washington
WI | Wisconsin | Wisconsin |
WV | West Virginia | West Virginia | Tây Virginia
WY | Wyoming | Wyoming |
"""

SUB_CURATION["AU"] = """
ACT | Australian Capital Territory | Lãnh thổ Thủ đô Australia | Australian Capital Territory; Lãnh thổ Thủ đô Úc; ACT
NSW | New South Wales | New South Wales | NSW
NT | Northern Territory | Lãnh thổ Bắc Australia | Northern Territory; Lãnh thổ phía Bắc; Lãnh thổ Bắc Úc
QLD | Queensland | Queensland | Quin-xlen
SA | South Australia | Nam Australia | South Australia; Nam Úc
TAS | Tasmania | Tasmania | Ta-xma-ni-a
VIC | Victoria | Victoria | Vích-to-ri-a; bang Victoria
WA | Western Australia | Tây Australia | Western Australia; Tây Úc
"""

# RU: code | name_en | core name | kind | aliases.  kind: o = oblast, k = krai,
# r = republic, a = autonomous okrug/oblast, c = federal city.
RU_CURATION = """
AD | Adygea | Adygea | r | Adygeya
AL | Altai Republic | Altai | r | Gorno-Altai; Altay
ALT | Altai Krai | Altai | k | Altay
AMU | Amur Oblast | Amur | o |
ARK | Arkhangelsk Oblast | Arkhangelsk | o |
AST | Astrakhan Oblast | Astrakhan | o |
BA | Bashkortostan | Bashkortostan | r | Bashkiria
BEL | Belgorod Oblast | Belgorod | o | Ben-gô-rốt
BRY | Bryansk Oblast | Bryansk | o |
BU | Buryatia | Buryatia | r | Buryatiya
CE | Chechnya | Chechnya | r | Chechen; Chechnia; Trê-xni-a
CHE | Chelyabinsk Oblast | Chelyabinsk | o |
CHU | Chukotka | Chukotka | a | Chukotka Autonomous Okrug
CU | Chuvashia | Chuvashia | r | Chuvash
DA | Dagestan | Dagestan | r | Daghestan
IN | Ingushetia | Ingushetia | r | Ingushetiya
IRK | Irkutsk Oblast | Irkutsk | o | I-rơ-cút-xcơ
IVA | Ivanovo Oblast | Ivanovo | o |
KAM | Kamchatka Krai | Kamchatka | k | Cam-chát-ca
KB | Kabardino-Balkaria | Kabardino-Balkaria | r |
KC | Karachay-Cherkessia | Karachay-Cherkessia | r | Karachayevo-Cherkessia
KDA | Krasnodar Krai | Krasnodar | k | Kras-nô-đa; Kuban
KEM | Kemerovo Oblast | Kemerovo | o | Kuzbass
KGD | Kaliningrad Oblast | Kaliningrad | o | Ca-li-nin-grát
KGN | Kurgan Oblast | Kurgan | o |
KHA | Khabarovsk Krai | Khabarovsk | k | Kha-ba-rốp-xcơ
KHM | Khanty-Mansi Autonomous Okrug | Khanty-Mansi | a | Khanty-Mansiysk; Yugra
KIR | Kirov Oblast | Kirov | o |
KK | Khakassia | Khakassia | r | Khakasiya
KL | Kalmykia | Kalmykia | r | Kalmykiya
KLU | Kaluga Oblast | Kaluga | o |
KO | Komi Republic | Komi | r |
KOS | Kostroma Oblast | Kostroma | o |
KR | Karelia | Karelia | r | Kareliya
KRS | Kursk Oblast | Kursk | o | Cuốc-xcơ
KYA | Krasnoyarsk Krai | Krasnoyarsk | k |
LEN | Leningrad Oblast | Leningrad | o |
LIP | Lipetsk Oblast | Lipetsk | o |
MAG | Magadan Oblast | Magadan | o |
ME | Mari El | Mari El | r | Mariy El
MO | Mordovia | Mordovia | r | Mordoviya
MOS | Moscow Oblast | tỉnh Moskva | - | Moscow Oblast; Moskovskaya oblast; tỉnh Mát-xcơ-va; vùng Moskva
MOW | Moscow | Moskva | c | Moscow; Mát-xcơ-va; Matxcơva; Mạc Tư Khoa; Thủ đô Moskva; Thủ đô Mát-xcơ-va
MUR | Murmansk Oblast | Murmansk | o |
NEN | Nenets Autonomous Okrug | Nenets | a |
NGR | Novgorod Oblast | Novgorod | o | Veliky Novgorod
NIZ | Nizhny Novgorod Oblast | Nizhny Novgorod | o | Nizhni Novgorod
NVS | Novosibirsk Oblast | Novosibirsk | o | Nô-vô-xi-biếc; Novoxibiếc
OMS | Omsk Oblast | Omsk | o |
ORE | Orenburg Oblast | Orenburg | o |
ORL | Oryol Oblast | Oryol | o | Orel
PER | Perm Krai | Perm | k |
PNZ | Penza Oblast | Penza | o |
PRI | Primorsky Krai | Primorsky | k | Primorye; Primorie; Primorski
PSK | Pskov Oblast | Pskov | o |
ROS | Rostov Oblast | Rostov | o | Rô-xtốp
RYA | Ryazan Oblast | Ryazan | o |
SA | Sakha Republic | Yakutia | r | Sakha; Yakutiya; Cộng hòa Sakha
SAK | Sakhalin Oblast | Sakhalin | o | Xa-kha-lin; Xakhalin
SAM | Samara Oblast | Samara | o |
SAR | Saratov Oblast | Saratov | o |
SE | North Ossetia–Alania | Bắc Ossetia | - | North Ossetia; North Ossetia-Alania; Alania; Cộng hòa Bắc Ossetia; Republic of North Ossetia–Alania
SMO | Smolensk Oblast | Smolensk | o |
SPE | Saint Petersburg | Saint Petersburg | c | St. Petersburg; St Petersburg; Sankt-Peterburg; Xanh Pê-téc-bua; Xanh Pêtécbua
STA | Stavropol Krai | Stavropol | k |
SVE | Sverdlovsk Oblast | Sverdlovsk | o |
TA | Tatarstan | Tatarstan | r | Ta-ta-xtan
TAM | Tambov Oblast | Tambov | o |
TOM | Tomsk Oblast | Tomsk | o |
TUL | Tula Oblast | Tula | o |
TVE | Tver Oblast | Tver | o |
TY | Tuva | Tuva | r | Tyva
TYU | Tyumen Oblast | Tyumen | o |
UD | Udmurtia | Udmurtia | r | Udmurtiya
ULY | Ulyanovsk Oblast | Ulyanovsk | o | Ulianovsk; U-li-a-nốp-xcơ
VGG | Volgograd Oblast | Volgograd | o | Vôn-gô-grát
VLA | Vladimir Oblast | tỉnh Vladimir | - | Vladimir Oblast
VLG | Vologda Oblast | Vologda | o |
VOR | Voronezh Oblast | Voronezh | o |
YAN | Yamalo-Nenets Autonomous Okrug | Yamalo-Nenets | a | Yamal
YAR | Yaroslavl Oblast | Yaroslavl | o |
YEV | Jewish Autonomous Oblast | Tỉnh tự trị Do Thái | - | Jewish Autonomous Oblast; Khu tự trị Do Thái
ZAB | Zabaykalsky Krai | Zabaykalsky | k | Zabaikalsky; Trans-Baikal; Zabaykalye
"""

SUB_CURATION["GB"] = """
ENG | England | xứ Anh | England
NIR | Northern Ireland | Bắc Ireland | Northern Ireland; Bắc Ai-len; Bắc Ailen
SCT | Scotland | Scotland | Xcốt-len; Xcốtlen; Ê-cốt; xứ Scotland; Tô Cách Lan
WLS | Wales | xứ Wales | Wales; xứ Uên; Cymru
"""

SUB_CURATION["PL"] = """
02 | Lower Silesia | Hạ Silesia | Lower Silesia; Dolny Śląsk; Lower Silesian Voivodeship
04 | Kuyavia-Pomerania | Kuyavia-Pomerania | Kuyavian-Pomeranian Voivodeship
06 | Lublin | Lublin | Lublin Voivodeship
08 | Lubusz | Lubusz | Lubusz Voivodeship
10 | Łódź | Łódź | Łódź Voivodeship
12 | Lesser Poland | Tiểu Ba Lan | Lesser Poland; Małopolska; Lesser Poland Voivodeship
14 | Masovia | Mazowieckie | Masovia; Mazovia; Mazowsze; Masovian Voivodeship
16 | Opole | Opole | Opole Voivodeship
18 | Subcarpathia | Podkarpackie | Subcarpathia; Podkarpacie; Subcarpathian Voivodeship
20 | Podlaskie | Podlaskie | Podlachia; Podlasie
22 | Pomerania | Pomorskie | Pomerania; Pomorze; Pomeranian Voivodeship
24 | Silesia | Silesia | Śląsk; Silesian Voivodeship
26 | Świętokrzyskie | Świętokrzyskie | Holy Cross Voivodeship
28 | Warmia-Masuria | Warmia-Masuria | Warmia-Mazury; Warmian-Masurian Voivodeship
30 | Greater Poland | Đại Ba Lan | Greater Poland; Wielkopolska; Greater Poland Voivodeship
32 | West Pomerania | Tây Pomerania | West Pomerania; West Pomeranian Voivodeship
"""

SUB_CURATION["SK"] = """
BC | Banská Bystrica Region | Banská Bystrica | Banskobystrický
BL | Bratislava Region | Bratislava | Bratislavský; Bra-ti-xla-va
KI | Košice Region | Košice | Košický
NI | Nitra Region | Nitra | Nitriansky
PV | Prešov Region | Prešov | Prešovský
TA | Trnava Region | Trnava | Trnavský
TC | Trenčín Region | Trenčín | Trenčiansky
ZI | Žilina Region | Žilina | Žilinský
"""

SUB_CURATION["HU"] = """
BU | Budapest | Budapest | Bu-đa-pét; Buđapét; Thủ đô Budapest
CS | Csongrád-Csanád | Csongrád-Csanád | Csongrád
GS | Győr-Moson-Sopron | Győr-Moson-Sopron |
"""

SUB_CURATION["BE"] = """
BRU | Brussels-Capital Region | Brussels | Bruxelles; Brussel; Brúc-xen; Brúcxen; Brussels-Capital Region; Vùng Thủ đô Brussels
VLG | Flanders | Flanders | Vlaanderen; Flemish Region; vùng Flanders; Flandre
WAL | Wallonia | Wallonie | Wallonia; Walloon Region; vùng Wallonie; Région wallonne
"""

SUB_CURATION["NL"] = """
DR | Drenthe | Drenthe |
FL | Flevoland | Flevoland |
FR | Friesland | Friesland | Fryslân
GE | Gelderland | Gelderland |
GR | Groningen | Groningen |
LI | Limburg | Limburg |
NB | North Brabant | Noord-Brabant | North Brabant; Bắc Brabant
NH | North Holland | Noord-Holland | North Holland; Bắc Holland
OV | Overijssel | Overijssel |
UT | Utrecht | Utrecht |
ZE | Zeeland | Zeeland |
ZH | South Holland | Zuid-Holland | South Holland; Nam Holland
BQ1 | Bonaire | Bonaire |
BQ2 | Saba | Saba |
BQ3 | Sint Eustatius | Sint Eustatius | Statia
"""

SUB_CURATION["IN"] = """
AN | Andaman and Nicobar Islands | Quần đảo Andaman và Nicobar | Andaman and Nicobar Islands; Andaman và Nicobar
AP | Andhra Pradesh | Andhra Pradesh |
AR | Arunachal Pradesh | Arunachal Pradesh |
AS | Assam | Assam |
BR | Bihar | Bihar |
CG | Chhattisgarh | Chhattisgarh |
CH | Chandigarh | Chandigarh |
DH | Dadra and Nagar Haveli and Daman and Diu | Dadra và Nagar Haveli và Daman và Diu | Dadra and Nagar Haveli and Daman and Diu
DL | Delhi | Delhi | Đê-li; New Delhi; Niu Đê-li; National Capital Territory of Delhi
GA | Goa | bang Goa | Goa State
GJ | Gujarat | Gujarat |
HP | Himachal Pradesh | Himachal Pradesh |
HR | Haryana | Haryana |
JH | Jharkhand | Jharkhand |
JK | Jammu and Kashmir | Jammu và Kashmir | Jammu and Kashmir; Jammu-Kashmir
KA | Karnataka | Karnataka |
KL | Kerala | Kerala | Kê-ra-la
LA | Ladakh | Ladakh |
LD | Lakshadweep | Lakshadweep |
MH | Maharashtra | Maharashtra |
ML | Meghalaya | Meghalaya |
MN | Manipur | Manipur |
MP | Madhya Pradesh | Madhya Pradesh |
MZ | Mizoram | Mizoram |
NL | Nagaland | Nagaland |
OD | Odisha | Odisha | Orissa
PB | Punjab | Punjab | Pun-giáp
PY | Puducherry | Puducherry | Pondicherry
RJ | Rajasthan | Rajasthan |
SK | Sikkim | Sikkim |
TN | Tamil Nadu | Tamil Nadu |
TR | Tripura | Tripura |
TS | Telangana | Telangana |
UK | Uttarakhand | Uttarakhand | Uttaranchal
UP | Uttar Pradesh | Uttar Pradesh |
WB | West Bengal | Tây Bengal | West Bengal
"""

SUB_CURATION["MY"] = """
01 | Johor | Johor | Johore
02 | Kedah | Kedah |
03 | Kelantan | Kelantan |
04 | Malacca | Malacca | Melaka; Ma-lắc-ca
05 | Negeri Sembilan | Negeri Sembilan |
06 | Pahang | Pahang |
07 | Penang | Penang | Pulau Pinang; Pê-năng; Pênăng
08 | Perak | Perak |
09 | Perlis | Perlis |
10 | Selangor | Selangor |
11 | Terengganu | Terengganu | Trengganu
12 | Sabah | Sabah |
13 | Sarawak | Sarawak |
14 | Kuala Lumpur | Kuala Lumpur | Cu-a-la Lăm-pơ; Kuala Lămpơ
15 | Labuan | Labuan |
16 | Putrajaya | Putrajaya |
"""

SUB_CURATION["ID"] = """
AC | Aceh | Aceh | A-chê
BA | Bali | Bali | Ba-li; đảo Bali
BB | Bangka Belitung Islands | Bangka Belitung | Kepulauan Bangka Belitung
BE | Bengkulu | Bengkulu |
BT | Banten | Banten |
GO | Gorontalo | Gorontalo |
JA | Jambi | Jambi |
JB | West Java | Tây Java | West Java; Jawa Barat
JI | East Java | Đông Java | East Java; Jawa Timur
JK | Jakarta | Jakarta | Gia-các-ta; Giacácta; DKI Jakarta
JT | Central Java | Trung Java | Central Java; Jawa Tengah
KB | West Kalimantan | Tây Kalimantan | West Kalimantan; Kalimantan Barat
KI | East Kalimantan | Đông Kalimantan | East Kalimantan; Kalimantan Timur
KR | Riau Islands | Quần đảo Riau | Riau Islands; Kepulauan Riau
KS | South Kalimantan | Nam Kalimantan | South Kalimantan; Kalimantan Selatan
KT | Central Kalimantan | Trung Kalimantan | Central Kalimantan; Kalimantan Tengah
KU | North Kalimantan | Bắc Kalimantan | North Kalimantan; Kalimantan Utara
LA | Lampung | Lampung |
MA | Maluku | Maluku | Moluccas
MU | North Maluku | Bắc Maluku | North Maluku; Maluku Utara
NB | West Nusa Tenggara | Tây Nusa Tenggara | West Nusa Tenggara; Nusa Tenggara Barat
NT | East Nusa Tenggara | Đông Nusa Tenggara | East Nusa Tenggara; Nusa Tenggara Timur
PA | Papua | Papua |
PB | West Papua | Tây Papua | West Papua; Papua Barat
PD | Southwest Papua | Tây Nam Papua | Southwest Papua; Papua Barat Daya
PE | Highland Papua | Papua Cao nguyên | Highland Papua; Papua Pegunungan
PS | South Papua | Nam Papua | South Papua; Papua Selatan
PT | Central Papua | Trung Papua | Central Papua; Papua Tengah
RI | Riau | Riau |
SA | North Sulawesi | Bắc Sulawesi | North Sulawesi; Sulawesi Utara
SB | West Sumatra | Tây Sumatra | West Sumatra; Sumatera Barat
SG | Southeast Sulawesi | Đông Nam Sulawesi | Southeast Sulawesi; Sulawesi Tenggara
SN | South Sulawesi | Nam Sulawesi | South Sulawesi; Sulawesi Selatan
SR | West Sulawesi | Tây Sulawesi | West Sulawesi; Sulawesi Barat
SS | South Sumatra | Nam Sumatra | South Sumatra; Sumatera Selatan
ST | Central Sulawesi | Trung Sulawesi | Central Sulawesi; Sulawesi Tengah
SU | North Sumatra | Bắc Sumatra | North Sumatra; Sumatera Utara
YO | Yogyakarta | Yogyakarta | Jogjakarta; Jogja; Special Region of Yogyakarta
"""

SUB_CURATION["PH"] = """
00 | National Capital Region | Vùng Thủ đô Quốc gia | Metro Manila; Đại Manila; Manila; Metropolitan Manila; NCR
01 | Ilocos Region | Ilocos | Ilocos Region; Region I
02 | Cagayan Valley | Thung lũng Cagayan | Cagayan Valley; Region II
03 | Central Luzon | Trung Luzon | Central Luzon; Region III
05 | Bicol Region | Bicol | Bicol Region; Region V
06 | Western Visayas | Tây Visayas | Western Visayas; Region VI
07 | Central Visayas | Trung Visayas | Central Visayas; Region VII
08 | Eastern Visayas | Đông Visayas | Eastern Visayas; Region VIII
09 | Zamboanga Peninsula | Bán đảo Zamboanga | Zamboanga Peninsula; Region IX
10 | Northern Mindanao | Bắc Mindanao | Northern Mindanao; Region X
11 | Davao Region | Davao | Davao Region; Region XI
12 | Soccsksargen | Soccsksargen | Region XII
13 | Caraga | Caraga | Region XIII
14 | Bangsamoro | Bangsamoro | BARMM; ARMM; Autonomous Region in Muslim Mindanao; Bangsamoro Autonomous Region in Muslim Mindanao
15 | Cordillera Administrative Region | Cordillera | Cordillera Administrative Region
40 | Calabarzon | Calabarzon | Region IV-A
41 | Mimaropa | Mimaropa | Region IV-B
"""

SUB_CURATION["MM"] = """
01 | Sagaing | Sagaing | Sagaing Region
02 | Bago | Bago | Pegu
03 | Magway | Magway | Magwe
04 | Mandalay | Mandalay | Man-đa-lay
05 | Tanintharyi | Tanintharyi | Tenasserim
06 | Yangon | Yangon | Rangoon; Ran-gun; Yangôn
07 | Ayeyarwady | Ayeyarwady | Irrawaddy; Ayeyarwaddy
11 | Kachin | Kachin | bang Kachin
12 | Kayah | Kayah | Karenni; bang Kayah
13 | Kayin | Kayin | bang Kayin; bang Karen; Karen State
14 | Chin | bang Chin | Chin State
15 | Mon | bang Mon | Mon State
16 | Rakhine | Rakhine | Arakan; Ra-khin; bang Rakhine
17 | Shan | Shan | bang Shan; Shan State
18 | Nay Pyi Taw | Nay Pyi Taw | Naypyidaw; Naypyitaw; Nây Pyi Tô; Nây-pi-đô; Thủ đô Nay Pyi Taw
"""


# Which first-level subdivisions of each country to include (pycountry types).
def include(sub) -> bool:
    cc = sub.country_code
    if cc == "ID":  # provinces sit under the 7 geographical units
        return sub.type != "Geographical unit"
    if sub.parent_code is not None:
        return False
    if cc == "FR":  # metropolitan regions + Corsica + the 5 overseas regions
        return sub.type in {
            "Metropolitan region",
            "Metropolitan collectivity with special status",
            "Overseas departmental collectivity",
            "Overseas unique territorial collectivity",
        }
    if cc == "US":  # states + DC; outlying areas are ISO 3166-1 countries
        return sub.type in {"State", "District"}
    if cc == "NL":  # AW, CW, SX are ISO 3166-1 countries
        return sub.type != "Country"
    return True


COUNTRIES_IN_SCOPE = [
    "LA", "KH", "CN", "TH", "JP", "KR",
    "DE", "IT", "CZ", "FR", "US", "AU", "RU", "GB", "PL", "SK", "HU", "BE", "NL", "IN", "MY", "ID", "PH", "MM",
]
FULL_COVERAGE = ["LA", "KH", "CN", "TH", "JP", "KR"]

RU_KIND = {
    "o": ("tỉnh {c}", "{c} Oblast"),
    "k": ("vùng {c}", "{c} Krai"),
    "r": ("Cộng hòa {c}", "Republic of {c}"),
    "a": ("khu tự trị {c}", "{c} Autonomous Okrug"),
    "c": (None, None),
    "-": (None, None),
}


def split_aliases(s: str) -> list[str]:
    return [nfc(a) for a in s.split(";") if nfc(a)]


def parse_table(text: str, ncols: int) -> list[list[str]]:
    rows = []
    for line in text.strip().splitlines():
        parts = [p.strip() for p in line.split("|")]
        parts += [""] * (ncols - len(parts))
        rows.append(parts[:ncols])
    return rows


# Subdivisions whose bare English name is a common Vietnamese word once
# diacritics are folded (nan, tắc, trang, kép, chín, môn, góa, ...) or a
# person's name: the bare form stays in name_en only and is not repeated as an
# alias; name_vi carries the prefixed press form ("tỉnh Trang", "bang Chin").
AMBIGUOUS_BARE_EN = {"TH-55", "TH-63", "TH-92", "KH-23", "MM-14", "MM-15", "IN-GA", "RU-VLA"}


def finalize_aliases(name_en: str, name_vi: str, manual: list[str], extra_auto: list[str],
                     copy_en: bool = True) -> list[str]:
    """Manual aliases kept as written; tone variants added; automatic extras
    (ISO / CLDR / official names) only when they fold to a new key."""
    out: list[str] = []
    seen_exact = {name_vi}

    def add(a: str) -> None:
        a = nfc(a)
        if a and a not in seen_exact:
            seen_exact.add(a)
            out.append(a)

    if copy_en and name_en != name_vi and not re.search(r"[,()\[\]]", name_en):
        add(name_en)
    for a in manual:
        add(a)
    for a in list(out) + [name_vi]:
        v = tone_variant(a)
        if v != a:
            add(v)
    folded = {fold(x) for x in out} | {fold(name_en), fold(name_vi)}
    for a in extra_auto:
        a = nfc(a)
        if a and not re.search(r"[,()\[\]]", a) and fold(a) not in folded:
            folded.add(fold(a))
            add(a)
    return out


def load_vn_names() -> set[str]:
    names: set[str] = set()
    if VN_PROVINCES_CSV.exists():
        with VN_PROVINCES_CSV.open(encoding="utf-8", newline="") as f:
            for r in csv.DictReader(f):
                names.add(fold(r["name"]))
                for a in (r.get("aliases") or "").split("|"):
                    if a.strip():
                        names.add(fold(a))
    for s in pycountry.subdivisions.get(country_code="VN"):
        names.add(fold(s.name))
    return names


def build_countries() -> list[dict]:
    cldr = babel.Locale("vi").territories
    curated = {}
    for iso2, name_vi, aliases in parse_table(COUNTRY_CURATION, 3):
        assert iso2 not in curated, iso2
        curated[iso2] = (name_vi, split_aliases(aliases))
    rows = []
    for c in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        name_en = getattr(c, "common_name", None) or c.name
        cldr_name = cldr.get(c.alpha_2, "")
        name_vi, manual = curated.get(c.alpha_2, ("", []))
        name_vi = nfc(name_vi or cldr_name or name_en)
        official = re.sub(r"^the ", "", getattr(c, "official_name", ""))
        extra = [cldr_name, c.name, official]
        aliases = finalize_aliases(name_en, name_vi, manual, extra)
        qid, _ = resolve_qid(c.alpha_2, COUNTRY_QID_OWID, COUNTRY_QID_COVID, COUNTRY_QID_DECISIONS)
        rows.append({
            "iso2": c.alpha_2, "iso3": c.alpha_3, "name_en": nfc(name_en), "name_vi": name_vi,
            "aliases": "|".join(aliases), "wikidata": qid,
        })
    missing = set(curated) - {r["iso2"] for r in rows}
    assert not missing, missing
    return rows


def subdivision_curation() -> dict[str, tuple[str, str, list[str]]]:
    cur: dict[str, tuple[str, str, list[str]]] = {}
    for cc, text in SUB_CURATION.items():
        for suffix, name_en, name_vi, aliases in parse_table(text, 4):
            code = f"{cc}-{suffix}"
            assert code not in cur, code
            cur[code] = (name_en, name_vi, split_aliases(aliases))
    for suffix, name_en, core, kind, aliases in parse_table(RU_CURATION, 5):
        vi_tpl, en_tpl = RU_KIND[kind]
        manual = split_aliases(aliases)
        if vi_tpl:
            manual += [vi_tpl.format(c=core)]
        if en_tpl and en_tpl.format(c=core) != name_en:
            manual += [en_tpl.format(c=core)]
        cur[f"RU-{suffix}"] = (name_en, core, manual)
    return cur


def build_subdivisions() -> list[dict]:
    cur = subdivision_curation()
    rows = []
    seen = set()
    for cc in COUNTRIES_IN_SCOPE:
        subs = [s for s in pycountry.subdivisions.get(country_code=cc) if include(s)]
        for s in subs:
            name_en, name_vi, manual = cur.get(s.code, ("", "", []))
            if not name_en:
                if cc in FULL_COVERAGE:
                    raise SystemExit(f"no curated entry for {s.code} {s.name}")
                name_en = name_vi = s.name
            aliases = finalize_aliases(name_en, name_vi, manual, [s.name],
                                       copy_en=s.code not in AMBIGUOUS_BARE_EN)
            qid, _ = resolve_qid(s.code, SUB_QID_COVID, SUB_QID_PROTOMAPS, SUB_QID_DECISIONS)
            rows.append({
                "iso3166_2": s.code, "country": cc, "type": s.type,
                "name_en": nfc(name_en), "name_vi": nfc(name_vi),
                "aliases": "|".join(aliases), "wikidata": qid,
            })
            seen.add(s.code)
    by_code = {r["iso3166_2"]: r["wikidata"] for r in rows}
    for code, qid in SUB_QID_CONFIRM.items():
        assert by_code[code] == qid, f"confirmation failed for {code}: {by_code[code]} vs {qid}"
    fr_metro = {by_code[c] for c in by_code if c.startswith("FR-") and not c[3:].isdigit()}
    assert fr_metro == FR_METRO_REGION_QIDS_CONFIRM, fr_metro ^ FR_METRO_REGION_QIDS_CONFIRM
    stale = set(cur) - seen
    assert not stale, f"curated codes not in pycountry/scope: {sorted(stale)}"
    stale_q = (set(SUB_QID_COVID) | set(SUB_QID_PROTOMAPS) | set(SUB_QID_DECISIONS)) - seen
    assert not stale_q, f"QIDs for codes not in output: {sorted(stale_q)}"
    return rows


def sort_key(code: str):
    cc, _, sub = code.partition("-")
    return (cc, (0, int(sub), "") if sub.isdigit() else (1, 0, sub))


def write_csv(path: Path, columns: list[str], rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=columns, lineterminator="\n")
        w.writeheader()
        for r in rows:
            w.writerow({k: nfc(v) for k, v in r.items()})


def report(countries: list[dict], subs: list[dict]) -> None:
    vn = load_vn_names()
    print(f"countries: {len(countries)} rows, {sum(1 for r in countries if r['wikidata'])} with QID")
    by_cc: dict[str, list[dict]] = {}
    for r in subs:
        by_cc.setdefault(r["country"], []).append(r)
    for cc in COUNTRIES_IN_SCOPE:
        rs = by_cc.get(cc, [])
        print(f"  {cc}: {len(rs)} rows, {sum(1 for r in rs if r['wikidata'])} with QID")
    # collisions worth knowing about (documented in SOURCES_foreign.md)
    country_keys = {}
    for r in countries:
        for n in [r["name_en"], r["name_vi"], *filter(None, r["aliases"].split("|"))]:
            country_keys.setdefault(fold(n), set()).add(r["iso2"])
    for r in subs:
        names = [r["name_en"], r["name_vi"], *filter(None, r["aliases"].split("|"))]
        for n in names:
            k = fold(n)
            if k in vn:
                print(f"  VN-name collision: {r['iso3166_2']} {n!r}")
            if k in country_keys:
                print(f"  country collision: {r['iso3166_2']} {n!r} ~ {sorted(country_keys[k])}")
    seen: dict[tuple[str, str], str] = {}
    for r in subs:
        names = {fold(n) for n in [r["name_en"], r["name_vi"], *filter(None, r["aliases"].split("|"))]}
        for k in names:
            other = seen.get((r["country"], k))
            if other:
                print(f"  shared within {r['country']}: {k!r} {other} {r['iso3166_2']}")
            else:
                seen[(r["country"], k)] = r["iso3166_2"]
    single = [r["iso3166_2"] for r in subs if r["wikidata"] and r["iso3166_2"] not in SUB_QID_DECISIONS
              and resolve_qid(r["iso3166_2"], SUB_QID_COVID, SUB_QID_PROTOMAPS, {})[1] != "both"]
    print(f"  single-source subdivision QIDs ({len(single)}): {' '.join(single)}")


def main() -> int:
    countries = build_countries()
    subs = build_subdivisions()
    subs.sort(key=lambda r: sort_key(r["iso3166_2"]))
    write_csv(COUNTRIES_CSV, COUNTRY_COLUMNS, countries)
    write_csv(SUBDIVISIONS_CSV, SUBDIVISION_COLUMNS, subs)
    report(countries, subs)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""COW state system codes (``ccode``) to ISO 3166 alpha-3 ids, from the Correlates of War
State System Membership list (v2016).

Each line: ccode, COW abbreviation, ISO alpha-3 (``-`` for states with no ISO code, such
as Bavaria or the Papal States), name. Successor states share an ISO code where the
country continued (``255`` Germany and ``260`` German Federal Republic → ``DEU``; ``678``
Yemen Arab Republic and ``679`` Yemen → ``YEM``; ``345`` Yugoslavia/Serbia → ``SRB``).
Dissolved states keep their withdrawn ISO 3166-3 codes (``DDR``, ``CSK``, ``YMD``);
Kosovo uses the customary ``XKX``.
"""

from __future__ import annotations

_TABLE = """
2 USA USA United States of America
20 CAN CAN Canada
31 BHM BHS Bahamas
40 CUB CUB Cuba
41 HAI HTI Haiti
42 DOM DOM Dominican Republic
51 JAM JAM Jamaica
52 TRI TTO Trinidad and Tobago
53 BAR BRB Barbados
54 DMA DMA Dominica
55 GRN GRD Grenada
56 SLU LCA St. Lucia
57 SVG VCT St. Vincent and the Grenadines
58 AAB ATG Antigua & Barbuda
60 SKN KNA St. Kitts and Nevis
70 MEX MEX Mexico
80 BLZ BLZ Belize
89 UPC - United Provinces of Central America
90 GUA GTM Guatemala
91 HON HND Honduras
92 SAL SLV El Salvador
93 NIC NIC Nicaragua
94 COS CRI Costa Rica
95 PAN PAN Panama
99 GCL - Great Colombia
100 COL COL Colombia
101 VEN VEN Venezuela
110 GUY GUY Guyana
115 SUR SUR Suriname
130 ECU ECU Ecuador
135 PER PER Peru
140 BRA BRA Brazil
145 BOL BOL Bolivia
150 PAR PRY Paraguay
155 CHL CHL Chile
160 ARG ARG Argentina
165 URU URY Uruguay
200 UKG GBR United Kingdom
205 IRE IRL Ireland
210 NTH NLD Netherlands
211 BEL BEL Belgium
212 LUX LUX Luxembourg
220 FRN FRA France
221 MNC MCO Monaco
223 LIE LIE Liechtenstein
225 SWZ CHE Switzerland
230 SPN ESP Spain
232 AND AND Andorra
235 POR PRT Portugal
240 HAN - Hanover
245 BAV - Bavaria
255 GMY DEU Germany
260 GFR DEU German Federal Republic
265 GDR DDR German Democratic Republic
267 BAD - Baden
269 SAX - Saxony
271 WRT - Wuerttemberg
273 HSE - Hesse Electoral
275 HSG - Hesse Grand Ducal
280 MEC - Mecklenburg Schwerin
290 POL POL Poland
300 AUH - Austria-Hungary
305 AUS AUT Austria
310 HUN HUN Hungary
315 CZE CSK Czechoslovakia
316 CZR CZE Czech Republic
317 SLO SVK Slovakia
325 ITA ITA Italy
327 PAP - Papal States
329 SIC - Two Sicilies
331 SNM SMR San Marino
332 MOD - Modena
335 PMA - Parma
337 TUS - Tuscany
338 MLT MLT Malta
339 ALB ALB Albania
341 MNG MNE Montenegro
343 MAC MKD Macedonia
344 CRO HRV Croatia
345 YUG SRB Yugoslavia/Serbia
346 BOS BIH Bosnia and Herzegovina
347 KOS XKX Kosovo
349 SLV SVN Slovenia
350 GRC GRC Greece
352 CYP CYP Cyprus
355 BUL BGR Bulgaria
359 MLD MDA Moldova
360 ROM ROU Romania
365 RUS RUS Russia
366 EST EST Estonia
367 LAT LVA Latvia
368 LIT LTU Lithuania
369 UKR UKR Ukraine
370 BLR BLR Belarus
371 ARM ARM Armenia
372 GRG GEO Georgia
373 AZE AZE Azerbaijan
375 FIN FIN Finland
380 SWD SWE Sweden
385 NOR NOR Norway
390 DEN DNK Denmark
395 ICE ISL Iceland
402 CAP CPV Cape Verde
403 STP STP Sao Tome and Principe
404 GNB GNB Guinea-Bissau
411 EQG GNQ Equatorial Guinea
420 GAM GMB Gambia
432 MLI MLI Mali
433 SEN SEN Senegal
434 BEN BEN Benin
435 MAA MRT Mauritania
436 NIR NER Niger
437 CDI CIV Ivory Coast
438 GUI GIN Guinea
439 BFO BFA Burkina Faso
450 LBR LBR Liberia
451 SIE SLE Sierra Leone
452 GHA GHA Ghana
461 TOG TGO Togo
471 CAO CMR Cameroon
475 NIG NGA Nigeria
481 GAB GAB Gabon
482 CEN CAF Central African Republic
483 CHA TCD Chad
484 CON COG Congo
490 DRC COD Democratic Republic of the Congo
500 UGA UGA Uganda
501 KEN KEN Kenya
510 TAZ TZA Tanzania
511 ZAN - Zanzibar
516 BUI BDI Burundi
517 RWA RWA Rwanda
520 SOM SOM Somalia
522 DJI DJI Djibouti
530 ETH ETH Ethiopia
531 ERI ERI Eritrea
540 ANG AGO Angola
541 MZM MOZ Mozambique
551 ZAM ZMB Zambia
552 ZIM ZWE Zimbabwe
553 MAW MWI Malawi
560 SAF ZAF South Africa
565 NAM NAM Namibia
570 LES LSO Lesotho
571 BOT BWA Botswana
572 SWA SWZ Swaziland
580 MAG MDG Madagascar
581 COM COM Comoros
590 MAS MUS Mauritius
591 SEY SYC Seychelles
600 MOR MAR Morocco
615 ALG DZA Algeria
616 TUN TUN Tunisia
620 LIB LBY Libya
625 SUD SDN Sudan
626 SSD SSD South Sudan
630 IRN IRN Iran
640 TUR TUR Turkey
645 IRQ IRQ Iraq
651 EGY EGY Egypt
652 SYR SYR Syria
660 LEB LBN Lebanon
663 JOR JOR Jordan
666 ISR ISR Israel
670 SAU SAU Saudi Arabia
678 YAR YEM Yemen Arab Republic
679 YEM YEM Yemen
680 YPR YMD Yemen People's Republic
690 KUW KWT Kuwait
692 BAH BHR Bahrain
694 QAT QAT Qatar
696 UAE ARE United Arab Emirates
698 OMA OMN Oman
700 AFG AFG Afghanistan
701 TKM TKM Turkmenistan
702 TAJ TJK Tajikistan
703 KYR KGZ Kyrgyzstan
704 UZB UZB Uzbekistan
705 KZK KAZ Kazakhstan
710 CHN CHN China
712 MON MNG Mongolia
713 TAW TWN Taiwan
730 KOR - Korea
731 PRK PRK North Korea
732 ROK KOR South Korea
740 JPN JPN Japan
750 IND IND India
760 BHU BTN Bhutan
770 PAK PAK Pakistan
771 BNG BGD Bangladesh
775 MYA MMR Myanmar
780 SRI LKA Sri Lanka
781 MAD MDV Maldives
790 NEP NPL Nepal
800 THI THA Thailand
811 CAM KHM Cambodia
812 LAO LAO Laos
815 VNM - Vietnam (Annam)
816 DRV VNM Vietnam
817 RVN - Republic of Vietnam
820 MAL MYS Malaysia
830 SIN SGP Singapore
835 BRU BRN Brunei
840 PHI PHL Philippines
850 INS IDN Indonesia
860 ETM TLS East Timor
900 AUL AUS Australia
910 PNG PNG Papua New Guinea
920 NEW NZL New Zealand
935 VAN VUT Vanuatu
940 SOL SLB Solomon Islands
946 KIR KIR Kiribati
947 TUV TUV Tuvalu
950 FIJ FJI Fiji
955 TON TON Tonga
970 NAU NRU Nauru
983 MSI MHL Marshall Islands
986 PAL PLW Palau
987 FSM FSM Federated States of Micronesia
990 WSM WSM Samoa
"""


def _parse() -> dict[int, tuple[str, str | None, str]]:
    table: dict[int, tuple[str, str | None, str]] = {}
    for line in _TABLE.strip().splitlines():
        code, abbrev, iso, name = line.split(" ", 3)
        table[int(code)] = (abbrev, None if iso == "-" else iso, name)
    return table


#: ccode → (COW abbreviation, ISO alpha-3 or None, name)
COW_STATES: dict[int, tuple[str, str | None, str]] = _parse()


def iso3(ccode: int) -> str | None:
    """The ISO alpha-3 id for a COW ccode, None when it has none or is unknown."""
    entry = COW_STATES.get(ccode)
    return entry[1] if entry else None


def cow_name(ccode: int) -> str | None:
    """The COW name of a state, None when the code is unknown."""
    entry = COW_STATES.get(ccode)
    return entry[2] if entry else None

"""Role words shared by every language: the gazetteer's role titles are English ("Minister for Foreign Affairs"),
so a role found in any language is looked up by the English words its title must contain."""

FOREIGN = ("foreign", "minister")
DEFENSE = ("defen", "minister")
PM = ("prime", "minister")
PRESIDENT = ("president",)
AMBASSADOR_TO_JAPAN = ("ambassador", "japan")
AMBASSADOR_TO_RUSSIA = ("ambassador", "russia")
KREMLIN_PRESS_SECRETARY = ("press", "secretary", "president")
CHIEF_CABINET_SECRETARY = ("chief", "cabinet", "secretary")
FAR_EAST = ("development", "far", "east")
MFA_SPOKESPERSON = ("press", "department")
LEADERS = "president|prime+minister"
FOREIGN_MINISTERS = "foreign+minister"

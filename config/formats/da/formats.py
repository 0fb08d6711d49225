# Danish date and time as Danish public documents write them: "1. april 2027 kl. 10:00".
DATE_FORMAT = "j. F Y"
DATETIME_FORMAT = r"j. F Y \k\l. H:i"

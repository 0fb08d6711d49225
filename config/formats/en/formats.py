# English with the 24-hour clock used throughout the portal: "April 1, 2027, 10:00".
DATETIME_FORMAT = "N j, Y, H:i"

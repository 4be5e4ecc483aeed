"""Short Arabic texts written for these tests (no corpus text is copied here)."""

TITLE = "وزير الخارجية يصل إلى القاهرة"
PARA1 = "وصل وزير الخارجية إلى القاهرة صباح اليوم في زيارة رسمية تستغرق يومين."
PARA2 = "وقال المتحدث باسم الوزارة إن المباحثات ستتناول الأوضاع في المنطقة."
PARA3 = "ومن المقرر أن يعقد الوزيران مؤتمرا صحفيا مشتركا في ختام الزيارة."
ARTICLE = f"{TITLE}\n\n{PARA1}\n\n{PARA2}\n"

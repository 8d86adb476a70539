#!/usr/bin/env python3
"""Writes probes/NN-name/ (next to this script) as {*.txt,sources.yaml,expect.toml} from the data below.
Kept so the probes can be regenerated; the probe folders are the suite."""
import os, textwrap
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "probes")
P = []
def probe(name, docs, expect):
    P.append((name, docs, expect))

# docs: (stem, published, title, text)
probe("01-ceo-dated-lead", [
 ("a", "2025-03-06", "Atlantica Air names Costa chief executive",
  "LISBON, March 3 — Portuguese carrier Atlantica Air named Maria Costa as its chief executive earlier today, the company said in a statement. Costa, who joined the airline in 2011 as a pilot, replaces Jorge Almeida. Almeida had resigned the day before after a dispute with the board. The company did not say whether it would cut routes."),
 ("b", "2025-03-04", "Atlantica Air appoints new CEO",
  "Atlantica Air appointed Maria Costa chief executive on Monday, a day after Jorge Almeida resigned. Shares in the carrier rose 4% on Tuesday."),
], '''
topic = "business"
order = [["joined"], ["resigned"], ["named"], ["rose"]]
[events.named]
label = ["Atlantica", "Costa", "named|appointed"]
mentions = ["a:named", "b:appointed"]
date = ["2025-03-03", "2025-03-03"]
tags = ["dated-lead", "earlier-today", "merge-cross-doc", "merge-synonym"]
[events.joined]
label = ["Costa", "joined"]
mentions = ["a:joined"]
date = ["2011-01-01", "2011-12-31"]
tags = ["relative-clause"]
[events.resigned]
label = ["Almeida", "resigned"]
mentions = ["a:resigned", "b:resigned"]
date = ["2025-03-02", "2025-03-02"]
tags = ["pluperfect", "relative-day", "merge-cross-doc"]
[events.rose]
label = ["Shares", "rose"]
mentions = ["b:rose"]
date = ["2025-03-04", "2025-03-04"]
tags = ["weekday"]
[not_listed.said]
mentions = ["a:said"]
reason = "reporting"
[not_listed.cut]
mentions = ["a:cut"]
reason = "modal"
''')

probe("02-two-fires-same-day", [
 ("porto", "2025-07-15", "Warehouse fire in Porto",
  "A fire broke out at a textile warehouse in Porto on Monday night, injuring three workers. Firefighters brought the blaze under control on Tuesday morning. Police said the cause was not yet known."),
 ("braga", "2025-07-15", "Factory fire in Braga",
  "A fire broke out at a furniture factory in Braga on Monday, forcing the evacuation of 200 residents. The factory's owner said the plant would reopen next month."),
], '''
topic = "disasters"
order = [["fire_porto", "fire_braga"], ["control"]]
[events.fire_porto]
label = ["fire", "Porto|warehouse"]
mentions = ["porto:broke|fire"]
date = ["2025-07-14", "2025-07-14"]
tags = ["weekday", "distinct-participants"]
[events.fire_braga]
label = ["fire", "Braga|factory"]
mentions = ["braga:broke|fire"]
date = ["2025-07-14", "2025-07-14"]
tags = ["weekday", "distinct-participants"]
[events.control]
label = ["Firefighters", "brought"]
mentions = ["porto:brought|control"]
date = ["2025-07-15", "2025-07-15"]
tags = ["weekday"]
[not_listed.said_p]
mentions = ["porto:said"]
reason = "reporting"
[not_listed.said_b]
mentions = ["braga:said"]
reason = "reporting"
[not_listed.reopen]
mentions = ["braga:reopen"]
reason = "modal"
[[distinct]]
pair = ["fire_porto", "fire_braga"]
''')

probe("03-strike-local-number", [
 ("a", "2025-09-12", "Dockworkers strike at Leixoes",
  "Members of Local 1987 of the dockworkers' union walked out at the Port of Leixões on Wednesday, halting traffic at Terminal 2. The strike, the first since 2004, ended on Thursday evening after the union accepted a 3.5% pay rise. Around 1500 containers were left waiting, the port authority said."),
], '''
topic = "business"
order = [["walked"], ["ended"]]
[events.walked]
label = ["Local 1987", "walked out"]
mentions = ["a:walked"]
date = ["2025-09-10", "2025-09-10"]
tags = ["number-name"]
[events.ended]
label = ["strike", "ended"]
mentions = ["a:ended"]
date = ["2025-09-11", "2025-09-11"]
tags = ["number-name", "weekday"]
[events.accepted]
label = ["union", "accepted"]
mentions = ["a:accepted"]
date = ["2025-09-10", "2025-09-11"]
tags = ["amount"]
[not_listed.said]
mentions = ["a:said"]
reason = "reporting"
''')

probe("04-first-profit-since", [
 ("a", "2025-10-24", "Norvik Steel back in profit",
  "Norvik Steel reported its first quarterly profit since 2001 on Thursday, earning $2.4 billion in the three months to September. The company cut 2000 jobs last year. Chief executive Lena Berg said the turnaround would continue in 2026."),
], '''
topic = "business"
order = [["cut"], ["reported"]]
[events.reported]
label = ["Norvik", "profit"]
mentions = ["a:reported"]
date = ["2025-10-23", "2025-10-23"]
tags = ["number-name", "amount"]
[events.cut]
label = ["cut", "2000 jobs"]
mentions = ["a:cut"]
date = ["2024-01-01", "2024-12-31"]
tags = ["amount"]
[not_listed.said]
mentions = ["a:said"]
reason = "reporting"
[not_listed.continue]
mentions = ["a:continue"]
reason = "modal"
''')

probe("05-court-negation", [
 ("a", "2025-05-16", "Veldonia court overturns Reis conviction",
  "The Supreme Court of Veldonia on Thursday overturned the conviction of former minister Anton Reis, who was jailed in 2022 for bribery. The court did not order a retrial. Prosecutors failed to persuade the judges that the evidence was admissible. Reis was released from prison hours later."),
], '''
topic = "courts"
order = [["jailed"], ["overturned"], ["released"]]
[events.overturned]
label = ["Court", "overturned", "conviction"]
mentions = ["a:overturned"]
date = ["2025-05-15", "2025-05-15"]
tags = ["weekday"]
[events.jailed]
label = ["Reis", "jailed"]
mentions = ["a:jailed"]
date = ["2022-01-01", "2022-12-31"]
tags = ["relative-clause"]
[events.released]
label = ["Reis", "released"]
mentions = ["a:released"]
date = ["2025-05-15", "2025-05-16"]
tags = ["relative-day"]
[not_listed.order]
mentions = ["a:order"]
reason = "negated"
[not_listed.persuade]
mentions = ["a:persuade"]
reason = "negated"
''')

probe("06-conditional-budget", [
 ("a", "2025-02-20", "Opposition threatens to block budget",
  "Opposition leader Dana Whitlock said on Wednesday that her party would block the budget if the government raised fuel taxes. The finance ministry unveiled the draft budget on Tuesday. Parliament is expected to vote on the plan in March. If the vote fails, the government could fall. Whitlock's party won 41 seats in the election last October."),
], '''
topic = "politics"
order = [["won"], ["unveiled"]]
[events.unveiled]
label = ["ministry", "unveiled", "budget"]
mentions = ["a:unveiled"]
date = ["2025-02-18", "2025-02-18"]
tags = ["weekday"]
[events.won]
label = ["party", "won", "41 seats"]
mentions = ["a:won"]
date = ["2024-10-01", "2024-10-31"]
tags = ["past-month", "amount"]
[not_listed.said]
mentions = ["a:said"]
reason = "reporting"
[not_listed.block]
mentions = ["a:block"]
reason = "modal"
[not_listed.raised]
mentions = ["a:raised"]
reason = "hypothetical"
[not_listed.vote]
mentions = ["a:vote@1"]
reason = "hypothetical"
[not_listed.fails]
mentions = ["a:fails"]
reason = "hypothetical"
[not_listed.fall]
mentions = ["a:fall"]
reason = "modal"
''')

probe("07-comet-between", [
 ("a", "2025-06-05", "New comet found",
  "Astronomers at the Hallstrom Observatory detected a new comet between May 12 and May 14, the observatory said on Wednesday. The comet, named C/2025 K1, will pass closest to the Sun in November. A team in Chile confirmed the discovery on May 20."),
], '''
topic = "science"
order = [["detected"], ["confirmed"], ["pass"]]
[events.detected]
label = ["Astronomers|Observatory", "detected", "comet"]
mentions = ["a:detected"]
date = ["2025-05-12", "2025-05-14"]
tags = ["between"]
[events.confirmed]
label = ["team", "confirmed"]
mentions = ["a:confirmed"]
date = ["2025-05-20", "2025-05-20"]
tags = ["explicit-date"]
[events.pass]
label = ["comet|C/2025 K1", "pass"]
mentions = ["a:pass"]
date = ["2025-11-01", "2025-11-30"]
tags = ["future", "number-name"]
[not_listed.said]
mentions = ["a:said"]
reason = "reporting"
''')

probe("08-past-month-in-january", [
 ("a", "2025-01-20", "Marlow tram report",
  "The city of Marlow completed its new tram line in March, the transport authority said in its annual report on Monday. The authority raised fares in September. It will extend the line to the airport in June."),
], '''
topic = "politics"
order = [["completed"], ["raised"], ["extend"]]
[events.completed]
label = ["Marlow", "completed"]
mentions = ["a:completed"]
date = ["2024-03-01", "2024-03-31"]
tags = ["past-month"]
[events.raised]
label = ["authority", "raised fares"]
mentions = ["a:raised"]
date = ["2024-09-01", "2024-09-30"]
tags = ["past-month"]
[events.extend]
label = ["extend", "line"]
mentions = ["a:extend"]
date = ["2025-06-01", "2025-06-30"]
tags = ["future"]
[not_listed.said]
mentions = ["a:said"]
reason = "reporting"
''')

probe("09-quake-clock-times", [
 ("a", "2025-04-09", "Quake off Kaleva",
  "A magnitude 6.1 earthquake struck off the coast of Kaleva at 03:42 UTC on Tuesday. The national warning centre issued a tsunami alert at 04:05 UTC and lifted it at 06:30 UTC. Prime Minister Ilse Varga visited the damaged port of Saaren on Tuesday at 14:00 local time (11:00 GMT)."),
 ("b", "2025-04-08", "Strong earthquake hits Kaleva",
  "KALEVA, April 8 (Wire) — An earthquake of magnitude 6.1 struck at 6:42 a.m. local time (03:42 GMT) today, the geological survey said. Authorities issued a tsunami alert about twenty minutes later."),
], '''
topic = "disasters"
order = [["struck"], ["issued"], ["lifted"], ["visited"]]
[events.struck]
label = ["earthquake", "struck"]
mentions = ["a:struck", "b:struck"]
date = ["2025-04-08", "2025-04-08"]
time = "03:42Z"
tags = ["clock", "merge-cross-doc", "amount"]
[events.issued]
label = ["centre|Authorities", "issued", "alert"]
mentions = ["a:issued", "b:issued"]
date = ["2025-04-08", "2025-04-08"]
time = "04:05Z"
tags = ["clock", "merge-cross-doc"]
[events.lifted]
label = ["lifted"]
mentions = ["a:lifted"]
date = ["2025-04-08", "2025-04-08"]
time = "06:30Z"
tags = ["clock"]
[events.visited]
label = ["Varga", "visited"]
mentions = ["a:visited"]
date = ["2025-04-08", "2025-04-08"]
time = "11:00Z"
tags = ["clock"]
[not_listed.said]
mentions = ["b:said"]
reason = "reporting"
''')

probe("10-contradictory-dates", [
 ("a", "2025-11-05", "Landslide halts Oslo-Bergen trains",
  "Rail operator Nordlink suspended all services between Oslo and Bergen on Monday after a landslide buried the tracks near Voss. A company spokesman said no passengers were on the line at the time."),
 ("b", "2025-11-06", "Oslo-Bergen line reopens",
  "Nordlink suspended services on the Oslo–Bergen line on Tuesday, November 4, following a landslide near Voss. Services resumed on Thursday morning."),
], '''
topic = "disasters"
order = [["suspended"], ["resumed"]]
[events.suspended]
label = ["Nordlink", "suspended"]
mentions = ["a:suspended", "b:suspended"]
conflict = true
tags = ["contradiction", "merge-cross-doc"]
[events.landslide]
label = ["landslide"]
mentions = ["a:buried|landslide", "b:landslide"]
tags = ["merge-cross-doc"]
[events.resumed]
label = ["Services", "resumed"]
mentions = ["b:resumed"]
date = ["2025-11-06", "2025-11-06"]
tags = ["weekday"]
[not_listed.said]
mentions = ["a:said"]
reason = "reporting"
''')

probe("11-obituary-reported-speech", [
 ("a", "2025-08-22", "Goalkeeper Tomas Riedl dies at 61",
  "Former goalkeeper Tomas Riedl, who won the league title with Dynamo Brno in 1998, has died at the age of 61, his family said on Friday. Riedl told a newspaper last year that he had retired in 2006 after a knee injury. He coached the national under-21 team from 2010 to 2014."),
], '''
topic = "sports"
order = [["won"], ["retired"], ["coached"], ["died"]]
[events.died]
label = ["Riedl", "died"]
mentions = ["a:died"]
date = ["", "2025-08-22"]
tags = ["relative-clause", "amount"]
[events.won]
label = ["Riedl", "won"]
mentions = ["a:won"]
date = ["1998-01-01", "1998-12-31"]
tags = ["relative-clause"]
[events.retired]
label = ["retired"]
mentions = ["a:retired"]
date = ["2006-01-01", "2006-12-31"]
tags = ["reported-speech", "pluperfect"]
[events.coached]
label = ["coached", "under-21"]
mentions = ["a:coached"]
date = ["2010-01-01", "2014-12-31"]
tags = ["number-name"]
[not_listed.said]
mentions = ["a:said"]
reason = "reporting"
[not_listed.told]
mentions = ["a:told"]
reason = "reporting"
''')

probe("12-light-verbs", [
 ("a", "2025-12-04", "Rebels seize Ambari",
  "Rebel forces took control of the northern town of Ambari on Tuesday, a military spokesman said. The government held emergency talks with regional leaders on Wednesday and made an appeal for a ceasefire. Aid agencies gave no estimate of casualties."),
], '''
topic = "politics"
order = [["took"], ["held", "made"]]
[events.took]
label = ["Rebel", "took control"]
mentions = ["a:took|control"]
date = ["2025-12-02", "2025-12-02"]
tags = ["light-verb"]
[events.held]
label = ["government", "held", "talks"]
mentions = ["a:held|talks"]
date = ["2025-12-03", "2025-12-03"]
tags = ["light-verb"]
[events.made]
label = ["appeal"]
mentions = ["a:made|appeal"]
date = ["2025-12-03", "2025-12-03"]
tags = ["light-verb"]
[not_listed.said]
mentions = ["a:said"]
reason = "reporting"
[not_listed.gave]
mentions = ["a:gave|estimate"]
reason = "negated"
[[distinct]]
pair = ["held", "made"]
''')

probe("13-became-ceo", [
 ("a", "2025-02-14", "Quillon names Petrov CEO",
  "Software maker Quillon said Anna Petrov became chief executive on February 1, succeeding founder Mark Hale, who stepped down in January. Petrov was previously finance director. Quillon is a leading supplier of accounting software."),
 ("b", "2025-02-03", "Petrov takes over at Quillon",
  "Anna Petrov took over as chief executive of Quillon on Saturday. She previously ran the company's finance department."),
], '''
topic = "business"
order = [["stepped"], ["became"]]
[events.became]
label = ["Petrov", "became|took over"]
mentions = ["a:became", "b:took"]
date = ["2025-02-01", "2025-02-01"]
tags = ["copular", "merge-cross-doc", "merge-synonym"]
[events.stepped]
label = ["Hale", "stepped down"]
mentions = ["a:stepped"]
date = ["2025-01-01", "2025-01-31"]
tags = ["relative-clause", "past-month"]
[not_listed.said]
mentions = ["a:said"]
reason = "reporting"
[not_listed.was]
mentions = ["a:was|director"]
reason = "generic"
[not_listed.is]
mentions = ["a:is|supplier"]
reason = "generic"
''')

probe("14-cup-final", [
 ("a", "2025-05-26", "Harbor City win the cup",
  "Harbor City FC won the national cup on Sunday, beating Redvale 2-1 in the final at the Olympic Stadium. Striker Leo Mendes scored the winner in the 89th minute. The club last lifted the trophy in 1994."),
 ("b", "2025-05-27", "Fans greet cup winners",
  "Thousands of fans greeted the Harbor City team at the airport on Monday, a day after the club won the cup. Mendes, whose late goal decided the final, was named player of the tournament."),
], '''
topic = "sports"
order = [["lifted"], ["won", "scored"], ["greeted"]]
[events.won]
label = ["Harbor City", "won"]
mentions = ["a:won", "b:won"]
date = ["2025-05-25", "2025-05-25"]
tags = ["weekday", "merge-cross-doc", "relative-day"]
[events.scored]
label = ["Mendes", "scored"]
mentions = ["a:scored"]
date = ["2025-05-25", "2025-05-25"]
tags = ["amount"]
[events.lifted]
label = ["club", "lifted"]
mentions = ["a:lifted"]
date = ["1994-01-01", "1994-12-31"]
tags = ["explicit-date"]
[events.greeted]
label = ["fans", "greeted"]
mentions = ["b:greeted"]
date = ["2025-05-26", "2025-05-26"]
tags = ["weekday"]
[[distinct]]
pair = ["won", "scored"]
''')

probe("15-relative-days", [
 ("a", "2025-09-30", "Tarvos reopens schools",
  "Health officials in Tarvos confirmed the first case of the new flu strain on September 18. Two days later, the ministry closed all schools in the province. The day before the closure, hospitals had cancelled non-urgent surgery. Schools reopened on Monday."),
], '''
topic = "science"
order = [["confirmed"], ["cancelled"], ["closed"], ["reopened"]]
[events.confirmed]
label = ["officials", "confirmed"]
mentions = ["a:confirmed"]
date = ["2025-09-18", "2025-09-18"]
tags = ["explicit-date"]
[events.closed]
label = ["ministry", "closed", "schools"]
mentions = ["a:closed"]
date = ["2025-09-20", "2025-09-20"]
tags = ["relative-day"]
[events.cancelled]
label = ["hospitals", "cancelled"]
mentions = ["a:cancelled"]
date = ["2025-09-19", "2025-09-19"]
tags = ["relative-day", "pluperfect"]
[events.reopened]
label = ["Schools", "reopened"]
mentions = ["a:reopened"]
date = ["2025-09-29", "2025-09-29"]
tags = ["weekday"]
''')

probe("16-vote-three-articles", [
 ("a", "2025-06-13", "Morland Senate passes pension reform",
  "The Senate of Morland passed the pension reform bill by 52 votes to 48 on Thursday. The bill raises the retirement age to 67. Unions called a general strike for June 24."),
 ("b", "2025-06-13", "Pension reform approved",
  "Morland's Senate approved the controversial pension reform late on Thursday after a twelve-hour debate. Labour minister Rui Paz said the vote was a turning point."),
 ("c", "2025-06-16", "Thousands march against pension reform",
  "Thousands marched in the capital on Saturday against the pension reform that the Senate passed last Thursday. Police said the march was peaceful."),
], '''
topic = "politics"
order = [["passed"], ["marched"]]
[events.passed]
label = ["Senate", "passed|approved"]
mentions = ["a:passed", "b:approved", "c:passed"]
date = ["2025-06-12", "2025-06-12"]
tags = ["weekday", "merge-cross-doc", "merge-synonym", "amount"]
[events.called]
label = ["Unions", "called", "strike"]
mentions = ["a:called"]
date = ["", "2025-06-13"]
tags = ["amount"]
[events.marched]
label = ["Thousands", "marched"]
mentions = ["c:marched"]
date = ["2025-06-14", "2025-06-14"]
tags = ["weekday"]
[not_listed.said]
mentions = ["b:said"]
reason = "reporting"
[not_listed.said_c]
mentions = ["c:said"]
reason = "reporting"
[not_listed.raises]
mentions = ["a:raises"]
reason = "generic"
''')

probe("17-two-contracts", [
 ("a", "2025-03-21", "Aerion wins Navy and Coast Guard deals",
  "Aerion Dynamics signed a $3 billion contract with the Navy on Monday to supply 40 patrol drones. The company signed a separate contract with the Coast Guard on Thursday for 12 drones of the same model, the AX-300."),
 ("b", "2025-03-18", "Aerion lands Navy order",
  "Aerion Dynamics won a Navy order worth $3 billion on Monday for AX-300 patrol drones. The drones will be built at the company's plant in Wichita."),
], '''
topic = "business"
order = [["navy"], ["coast"]]
[events.navy]
label = ["Aerion", "signed|won"]
mentions = ["a:signed@1", "b:won"]
date = ["2025-03-17", "2025-03-17"]
tags = ["amount", "merge-cross-doc", "merge-synonym"]
[events.coast]
label = ["signed", "Coast Guard"]
mentions = ["a:signed@2"]
date = ["2025-03-20", "2025-03-20"]
tags = ["number-name"]
[[distinct]]
pair = ["navy", "coast"]
''')

probe("18-shares-vs-sales", [
 ("a", "2025-04-03", "Kestrel Home shares slump",
  "Shares of retailer Kestrel Home fell 9% on Wednesday after the company warned of weak demand. Analysts said the warning was the third this year."),
 ("b", "2025-05-08", "Kestrel Home April sales drop",
  "Kestrel Home said its sales fell 6% in April from a year earlier. The retailer closed 14 stores during the month."),
], '''
topic = "business"
order = []
[not_listed.said_a]
mentions = ["a:said"]
reason = "reporting"
[events.shares_fell]
label = ["Shares", "fell"]
mentions = ["a:fell"]
date = ["2025-04-02", "2025-04-02"]
tags = ["weekday", "amount"]
[events.warned]
label = ["company", "warned"]
mentions = ["a:warned"]
date = ["", "2025-04-02"]
tags = ["weekday"]
[events.sales_fell]
label = ["sales", "fell"]
mentions = ["b:fell"]
date = ["2025-04-01", "2025-04-30"]
tags = ["reported-speech", "past-month"]
[events.closed]
label = ["closed", "14 stores"]
mentions = ["b:closed"]
date = ["2025-04-01", "2025-04-30"]
tags = ["past-month", "amount"]
[not_listed.said]
mentions = ["b:said"]
reason = "reporting"
[[distinct]]
pair = ["shares_fell", "sales_fell"]
''')

probe("19-call-vs-press-conference", [
 ("a", "2025-07-18", "Velora names chief engineer",
  "Velora Motors held a conference call with analysts on July 3 to discuss the recall of 80,000 vehicles. Two weeks later, on Thursday, the company held a press conference in Detroit, where it announced a new chief engineer."),
], '''
topic = "business"
order = [["call"], ["press", "announced"]]
[events.call]
label = ["Velora", "held", "conference call"]
mentions = ["a:held@1"]
date = ["2025-07-03", "2025-07-03"]
tags = ["explicit-date", "amount"]
[events.press]
label = ["held", "press conference"]
mentions = ["a:held@2"]
date = ["2025-07-17", "2025-07-17"]
tags = ["relative-day", "weekday"]
[events.announced]
label = ["announced", "chief engineer"]
mentions = ["a:announced"]
date = ["2025-07-17", "2025-07-17"]
tags = ["relative-clause"]
[[distinct]]
pair = ["call", "press"]
''')

probe("20-plans-and-hopes", [
 ("a", "2025-10-09", "Halvard eyes Kenya plant",
  "Brewer Halvard plans to open a plant in Kenya next year. Analysts expect profits to fall in the fourth quarter. The company opened its first African brewery in Ghana in 2019. Halvard hopes to double sales on the continent by 2030. On Tuesday it bought a 30% stake in Tanzanian distributor Mbeya Drinks."),
], '''
topic = "business"
order = [["opened"], ["bought"]]
[events.opened]
label = ["opened", "brewery"]
mentions = ["a:opened"]
date = ["2019-01-01", "2019-12-31"]
tags = ["explicit-date"]
[events.bought]
label = ["bought", "stake"]
mentions = ["a:bought"]
date = ["2025-10-07", "2025-10-07"]
tags = ["weekday", "amount"]
[not_listed.open]
mentions = ["a:open@1"]
reason = "hypothetical"
[not_listed.fall]
mentions = ["a:fall"]
reason = "hypothetical"
[not_listed.double]
mentions = ["a:double"]
reason = "hypothetical"
[not_listed.expect]
mentions = ["a:expect"]
reason = "opinion"
''')

probe("21-generic-opinion", [
 ("a", "2025-01-29", "Solent posts quarterly loss",
  "Chipmaker Solent Semiconductor makes processors for cars and phones. We increasingly believe that demand will recover, chief executive Hana Ito told investors on Tuesday. The company posted a loss of $410 million for the fourth quarter on Tuesday. Solent supports its older products for ten years."),
], '''
topic = "business"
order = []
[events.posted]
label = ["posted", "$410 million"]
mentions = ["a:posted|loss"]
date = ["2025-01-28", "2025-01-28"]
tags = ["amount", "weekday"]
[not_listed.makes]
mentions = ["a:makes"]
reason = "generic"
[not_listed.believe]
mentions = ["a:believe"]
reason = "opinion"
[not_listed.recover]
mentions = ["a:recover"]
reason = "opinion"
[not_listed.told]
mentions = ["a:told"]
reason = "reporting"
[not_listed.supports]
mentions = ["a:supports"]
reason = "generic"
''')

probe("22-dated-lead-reference-time", [
 ("a", "2025-03-13", "EU extends Varnia sanctions",
  "BRUSSELS, Monday, March 10 — European Union ministers agreed earlier today to extend sanctions on Varnia for six months. The decision came after Varnian troops crossed the border on Saturday. Ministers will meet again on Wednesday to discuss aid."),
], '''
topic = "politics"
order = [["crossed"], ["agreed"], ["meet"]]
[events.agreed]
label = ["ministers", "agreed"]
mentions = ["a:agreed"]
date = ["2025-03-10", "2025-03-10"]
tags = ["dated-lead", "earlier-today"]
[events.crossed]
label = ["troops", "crossed"]
mentions = ["a:crossed"]
date = ["2025-03-08", "2025-03-08"]
tags = ["dated-lead", "weekday"]
[events.meet]
label = ["Ministers", "meet"]
mentions = ["a:meet"]
date = ["2025-03-12", "2025-03-12"]
tags = ["dated-lead", "future"]
''')

probe("23-pluperfect-theft", [
 ("a", "2025-08-14", "Arrest over stolen Rembrandt etching",
  "Police arrested a 34-year-old man on Wednesday in connection with the theft of a Rembrandt etching from the Van Loon museum. The etching had disappeared from a display case on August 2. Staff had noticed the loss only four days later."),
], '''
topic = "courts"
order = [["disappeared"], ["noticed"], ["arrested"]]
[events.arrested]
label = ["Police", "arrested"]
mentions = ["a:arrested"]
date = ["2025-08-13", "2025-08-13"]
tags = ["weekday", "amount"]
[events.disappeared]
label = ["etching", "disappeared"]
mentions = ["a:disappeared"]
date = ["2025-08-02", "2025-08-02"]
tags = ["pluperfect"]
[events.noticed]
label = ["Staff", "noticed"]
mentions = ["a:noticed"]
date = ["2025-08-06", "2025-08-06"]
tags = ["pluperfect", "relative-day"]
''')

probe("24-amounts-addresses", [
 ("a", "2025-11-20", "Maritima pays flood claims",
  "Insurer Maritima said on Wednesday it had paid 1500 claims since the floods in Valencia last month. The floods killed 38 people on October 29. Maritima also sold its headquarters at 1999 Avenida del Puerto for 40 million euros on Monday."),
], '''
topic = "business"
order = [["killed"], ["sold"]]
[events.paid]
label = ["Maritima", "paid", "1500 claims"]
mentions = ["a:paid"]
date = ["2025-10-01", "2025-11-19"]
tags = ["amount", "reported-speech", "pluperfect"]
[events.killed]
label = ["floods", "killed", "38"]
mentions = ["a:killed"]
date = ["2025-10-29", "2025-10-29"]
tags = ["explicit-date", "amount"]
[events.sold]
label = ["Maritima", "sold", "headquarters"]
mentions = ["a:sold"]
date = ["2025-11-17", "2025-11-17"]
tags = ["number-name", "amount", "weekday"]
[not_listed.said]
mentions = ["a:said"]
reason = "reporting"
''')

probe("25-ski-same-day-times", [
 ("a", "2025-02-09", "Sand and Huber win in Kitzberg",
  "Norway's Ingrid Sand won the women's downhill at 11:15 CET on Saturday. Later that afternoon, at 14:30 CET, Austria's Felix Huber won the men's super-G. The men's race had been delayed by 45 minutes because of fog."),
], '''
topic = "sports"
order = [["sand"], ["huber"]]
[events.sand]
label = ["Sand", "won", "downhill"]
mentions = ["a:won@1"]
date = ["2025-02-08", "2025-02-08"]
time = "10:15Z"
tags = ["clock", "distinct-participants"]
[events.huber]
label = ["Huber", "won", "super-G"]
mentions = ["a:won@2"]
date = ["2025-02-08", "2025-02-08"]
time = "13:30Z"
tags = ["clock", "distinct-participants"]
[events.delayed]
label = ["race", "delayed"]
mentions = ["a:delayed"]
date = ["2025-02-08", "2025-02-08"]
tags = ["pluperfect"]
[[distinct]]
pair = ["sand", "huber"]
''')

probe("26-election-two-articles", [
 ("a", "2025-09-29", "Dobre re-elected in Estravia",
  "Voters in Estravia re-elected President Ilena Dobre on Sunday with 54% of the vote, the electoral commission said. Her challenger, Marko Sava, conceded defeat late on Sunday night. Dobre first took office in 2015."),
 ("b", "2025-09-30", "Dobre vows anti-corruption drive",
  "Estravian President Ilena Dobre, who won a third term on Sunday, promised to fight corruption. Observers said the election was largely fair."),
], '''
topic = "politics"
order = [["took"], ["reelected", "conceded"]]
[events.reelected]
label = ["Dobre", "re-elected|won"]
mentions = ["a:re-elected|elected", "b:won"]
date = ["2025-09-28", "2025-09-28"]
tags = ["weekday", "merge-cross-doc", "merge-synonym", "amount"]
[events.conceded]
label = ["Sava|challenger", "conceded"]
mentions = ["a:conceded"]
date = ["2025-09-28", "2025-09-28"]
tags = ["weekday"]
[events.took]
label = ["Dobre", "took office"]
mentions = ["a:took"]
date = ["2015-01-01", "2015-12-31"]
tags = ["explicit-date"]
[events.promised]
label = ["Dobre", "promised"]
mentions = ["b:promised"]
tags = ["undated-statement"]
[not_listed.said_a]
mentions = ["a:said"]
reason = "reporting"
[not_listed.said_b]
mentions = ["b:said"]
reason = "reporting"
[not_listed.fight]
mentions = ["b:fight"]
reason = "hypothetical"
[[distinct]]
pair = ["reelected", "conceded"]
''')

probe("27-mouse-drug", [
 ("a", "2025-12-11", "Drug slows memory loss in mice",
  "Researchers at the University of Tarn reported on Wednesday that a drug tested in 2023 had slowed memory loss in mice. The team published its findings in the journal Neuron on Tuesday. A human trial could begin in 2027, the lead author said."),
], '''
topic = "science"
order = [["tested"], ["published"]]
[events.tested]
label = ["drug", "tested"]
mentions = ["a:tested"]
date = ["2023-01-01", "2023-12-31"]
tags = ["relative-clause", "reported-speech"]
[events.published]
label = ["team", "published"]
mentions = ["a:published"]
date = ["2025-12-09", "2025-12-09"]
tags = ["weekday"]
[not_listed.reported]
mentions = ["a:reported"]
reason = "reporting"
[not_listed.begin]
mentions = ["a:begin"]
reason = "modal"
[not_listed.said]
mentions = ["a:said"]
reason = "reporting"
''')

probe("28-flood-two-days", [
 ("a", "2025-10-17", "Sava bursts its banks",
  "The Sava river burst its banks near the town of Brenica earlier today, flooding hundreds of homes. Rescuers evacuated 900 people overnight. The mayor declared a state of emergency at noon."),
 ("b", "2025-10-18", "Floodwaters recede in Brenica",
  "Floodwaters began to recede in Brenica on Saturday, a day after the Sava burst its banks. The government pledged 5 million euros in aid on Saturday."),
], '''
topic = "disasters"
order = [["burst"], ["recede", "pledged"]]
[events.burst]
label = ["Sava", "burst"]
mentions = ["a:burst", "b:burst"]
date = ["2025-10-17", "2025-10-17"]
tags = ["earlier-today", "merge-cross-doc", "relative-day"]
[events.evacuated]
label = ["Rescuers", "evacuated", "900"]
mentions = ["a:evacuated"]
tags = ["amount"]
[events.declared]
label = ["mayor", "declared"]
mentions = ["a:declared"]
date = ["2025-10-17", "2025-10-17"]
tags = ["clock"]
[events.recede]
label = ["Floodwaters", "recede"]
mentions = ["b:began|recede"]
date = ["2025-10-18", "2025-10-18"]
tags = ["weekday"]
[events.pledged]
label = ["government", "pledged"]
mentions = ["b:pledged"]
date = ["2025-10-18", "2025-10-18"]
tags = ["weekday", "amount"]
[[distinct]]
pair = ["recede", "pledged"]
''')

probe("29-court-smuggling-between", [
 ("a", "2025-04-25", "Hamburg court jails cocaine smugglers",
  "A court in Hamburg sentenced two men to six years in prison on Thursday for smuggling 300 kilograms of cocaine through the port between January and March 2023. The men were arrested in April 2023. Their lawyers said they would appeal."),
], '''
topic = "courts"
order = [["smuggling"], ["arrested"], ["sentenced"]]
[events.sentenced]
label = ["court", "sentenced"]
mentions = ["a:sentenced"]
date = ["2025-04-24", "2025-04-24"]
tags = ["weekday", "amount"]
[events.smuggling]
label = ["smuggling", "cocaine"]
mentions = ["a:smuggling"]
date = ["2023-01-01", "2023-03-31"]
tags = ["between"]
[events.arrested]
label = ["men", "arrested"]
mentions = ["a:arrested"]
date = ["2023-04-01", "2023-04-30"]
tags = ["explicit-date"]
[not_listed.said]
mentions = ["a:said"]
reason = "reporting"
[not_listed.appeal]
mentions = ["a:appeal"]
reason = "modal"
''')

probe("30-bank-takeover", [
 ("a", "2025-06-03", "Rijnbank to buy Ostend Credit",
  "Dutch bank Rijnbank agreed on Monday to buy Belgian rival Ostend Credit for 4.1 billion euros. The board named Pieter de Vries head of the combined group. De Vries was appointed to the role at a board meeting on Monday, the bank said."),
 ("b", "2025-06-04", "Ostend Credit shares jump",
  "Ostend Credit shares jumped 18% on Tuesday after Rijnbank agreed to buy the lender for 4.1 billion euros. The deal is expected to close in the first quarter of 2026."),
], '''
topic = "business"
order = [["agreed", "named"], ["jumped"]]
[events.agreed]
label = ["Rijnbank", "agreed", "Ostend Credit"]
mentions = ["a:agreed", "b:agreed"]
date = ["2025-06-02", "2025-06-02"]
tags = ["weekday", "amount", "merge-cross-doc"]
[events.named]
label = ["de Vries", "named|appointed"]
mentions = ["a:named", "a:appointed"]
date = ["2025-06-02", "2025-06-02"]
tags = ["merge-within-doc", "merge-synonym"]
[events.jumped]
label = ["shares", "jumped"]
mentions = ["b:jumped"]
date = ["2025-06-03", "2025-06-03"]
tags = ["weekday", "amount"]
[not_listed.said]
mentions = ["a:said"]
reason = "reporting"
[not_listed.close]
mentions = ["b:close"]
reason = "hypothetical"
[[distinct]]
pair = ["agreed", "named"]
''')

probe("31-recall-dateline", [
 ("a", "2025-03-14", "Harlan recalls pickups",
  "DETROIT, March 12 (Wire) — Harlan Motors recalled 120,000 pickup trucks on Wednesday because of a faulty brake sensor. Its shares fell 3% earlier today. The automaker said the defect had caused 14 crashes since 2023. Harlan will notify owners by mail next month."),
], '''
topic = "business"
order = [["recalled", "fell"], ["notify"]]
[events.recalled]
label = ["Harlan", "recalled", "120,000"]
mentions = ["a:recalled"]
date = ["2025-03-12", "2025-03-12"]
tags = ["dated-lead", "weekday", "amount"]
[events.fell]
label = ["shares", "fell"]
mentions = ["a:fell"]
date = ["2025-03-12", "2025-03-12"]
tags = ["dated-lead", "earlier-today", "amount"]
[events.notify]
label = ["Harlan", "notify"]
mentions = ["a:notify"]
date = ["2025-04-01", "2025-04-30"]
tags = ["future", "dated-lead"]
[not_listed.said]
mentions = ["a:said"]
reason = "reporting"
''')

probe("32-explorer-obituary", [
 ("a", "2025-01-09", "Explorer Ragnhild Olsen dies at 91",
  "Ragnhild Olsen, the explorer who first crossed the Greenland ice sheet alone in 1978, has died at her home in Tromsø. She was 91. Olsen, who founded the Polar Women's Society in 1985, received the King's Medal in 2001."),
], '''
topic = "science"
order = [["crossed"], ["founded"], ["received"], ["died"]]
[events.died]
label = ["Olsen", "died"]
mentions = ["a:died"]
date = ["", "2025-01-09"]
tags = ["relative-clause"]
[events.crossed]
label = ["crossed", "Greenland"]
mentions = ["a:crossed"]
date = ["1978-01-01", "1978-12-31"]
tags = ["relative-clause"]
[events.founded]
label = ["Olsen", "founded"]
mentions = ["a:founded"]
date = ["1985-01-01", "1985-12-31"]
tags = ["relative-clause"]
[events.received]
label = ["Olsen", "received"]
mentions = ["a:received"]
date = ["2001-01-01", "2001-12-31"]
tags = ["explicit-date"]
''')

probe("33-transfer-day-before", [
 ("a", "2025-08-30", "Aziz joins Westbury",
  "Midfielder Karim Aziz completed his move from Lyon Sud to Westbury Athletic on Friday, the club said. Aziz had passed a medical the day before. Westbury paid a fee of 42 million pounds, according to reports."),
 ("b", "2025-08-29", "Aziz passes Westbury medical",
  "Karim Aziz passed his medical at Westbury Athletic on Thursday. Westbury did not disclose the fee."),
], '''
topic = "sports"
order = [["passed"], ["completed"]]
[events.completed]
label = ["Aziz", "completed"]
mentions = ["a:completed"]
date = ["2025-08-29", "2025-08-29"]
tags = ["weekday"]
[events.passed]
label = ["Aziz", "passed", "medical"]
mentions = ["a:passed", "b:passed"]
date = ["2025-08-28", "2025-08-28"]
tags = ["pluperfect", "relative-day", "merge-cross-doc"]
[not_listed.said]
mentions = ["a:said"]
reason = "reporting"
[not_listed.disclose]
mentions = ["b:disclose"]
reason = "negated"
''')

probe("34-refused-to-resign", [
 ("a", "2025-05-09", "Minister refuses to quit over crash",
  "Transport minister Olaf Brandt refused to resign on Thursday despite a train crash that killed five people on Monday. Investigators have not found the cause. Brandt never visited the crash site, opposition lawmakers said."),
], '''
topic = "politics"
order = [["killed"], ["refused"]]
[events.refused]
label = ["Brandt", "refused"]
mentions = ["a:refused"]
date = ["2025-05-08", "2025-05-08"]
tags = ["weekday"]
[events.killed]
label = ["crash", "killed"]
mentions = ["a:killed"]
date = ["2025-05-05", "2025-05-05"]
tags = ["relative-clause", "weekday"]
[not_listed.resign]
mentions = ["a:resign"]
reason = "negated"
[not_listed.found]
mentions = ["a:found"]
reason = "negated"
[not_listed.visited]
mentions = ["a:visited"]
reason = "negated"
[not_listed.said]
mentions = ["a:said"]
reason = "reporting"
''')

probe("35-airline-quarter-models", [
 ("a", "2025-07-31", "Skyreach returns to profit",
  "Airline Skyreach returned to profit in the second quarter, earning 210 million dollars, after losses in 2023 and 2024. The carrier took delivery of its first A350 aircraft in May. It will retire its last Boeing 767 jets by the end of 2026."),
], '''
topic = "business"
order = []
[events.returned]
label = ["Skyreach", "returned"]
mentions = ["a:returned"]
date = ["2025-04-01", "2025-06-30"]
tags = ["quarter", "amount"]
[events.delivery]
label = ["delivery", "A350"]
mentions = ["a:took|delivery"]
date = ["2025-05-01", "2025-05-31"]
tags = ["number-name", "light-verb", "past-month"]
[events.retire]
label = ["retire", "767"]
mentions = ["a:retire"]
tags = ["future", "number-name"]
''')

probe("36-march-past-and-future", [
 ("a", "2025-01-15", "Arctic Marathon returns in March",
  "The Arctic Marathon will take place in March, organisers announced on Tuesday. Last year's race was cancelled in March because of a storm."),
], '''
topic = "sports"
order = [["cancelled"], ["take"]]
[events.take]
label = ["Marathon", "take place"]
mentions = ["a:take|place"]
date = ["2025-03-01", "2025-03-31"]
tags = ["future", "past-month"]
[events.cancelled]
label = ["race", "cancelled"]
mentions = ["a:cancelled"]
date = ["2024-03-01", "2024-03-31"]
tags = ["past-month"]
[not_listed.announced]
mentions = ["a:announced"]
reason = "reporting"
''')

probe("37-trial-postponed", [
 ("a", "2025-11-27", "Cruz fraud trial postponed",
  "A judge in Manila postponed the trial of businessman Ramon Cruz on Wednesday after his lawyers said he had been admitted to hospital on Sunday. The trial will resume on December 8. Cruz denies charges of fraud."),
], '''
topic = "courts"
order = [["admitted"], ["postponed"], ["resume"]]
[events.postponed]
label = ["judge", "postponed", "trial"]
mentions = ["a:postponed"]
date = ["2025-11-26", "2025-11-26"]
tags = ["weekday"]
[events.admitted]
label = ["Cruz", "admitted"]
mentions = ["a:admitted"]
date = ["2025-11-23", "2025-11-23"]
tags = ["reported-speech", "pluperfect", "weekday"]
[events.resume]
label = ["trial", "resume"]
mentions = ["a:resume"]
date = ["2025-12-08", "2025-12-08"]
tags = ["future", "explicit-date"]
[not_listed.said]
mentions = ["a:said"]
reason = "reporting"
[not_listed.denies]
mentions = ["a:denies"]
reason = "generic"
''')

probe("38-rocket-launch-times", [
 ("a", "2025-09-05", "Aster-2 launches weather satellite",
  "The European rocket Aster-2 lifted off from Kourou at 21:10 UTC on Thursday carrying a weather satellite. The satellite separated from the upper stage 35 minutes later. Ground controllers received the first signal at 22:02 UTC that evening."),
], '''
topic = "science"
order = [["lifted"], ["separated"], ["received"]]
[events.lifted]
label = ["Aster-2", "lifted off"]
mentions = ["a:lifted"]
date = ["2025-09-04", "2025-09-04"]
time = "21:10Z"
tags = ["clock", "number-name", "weekday"]
[events.separated]
label = ["satellite", "separated"]
mentions = ["a:separated"]
date = ["2025-09-04", "2025-09-04"]
tags = ["clock", "relative-day"]
[events.received]
label = ["controllers", "received"]
mentions = ["a:received"]
date = ["2025-09-04", "2025-09-04"]
time = "22:02Z"
tags = ["clock"]
''')

probe("39-mine-collapse-two-articles", [
 ("a", "2025-06-20", "Last trapped miners freed in Silesia",
  "Rescuers freed the last of 12 miners trapped in a collapsed coal mine in Silesia on Thursday. The tunnel had collapsed on Tuesday after a gas explosion. Two miners died in hospital on Wednesday."),
 ("b", "2025-06-18", "Miners trapped after Silesia blast",
  "A gas explosion caused a tunnel to collapse at a coal mine in Silesia on Tuesday, trapping 12 miners. Rescue teams reached the trapped men late on Tuesday."),
], """
topic = "disasters"
order = [["explosion"], ["collapsed"], ["reached"], ["died"], ["freed"]]
[events.freed]
label = ["Rescuers", "freed"]
mentions = ["a:freed"]
date = ["2025-06-19", "2025-06-19"]
tags = ["weekday", "amount"]
[events.collapsed]
label = ["tunnel", "collapse"]
mentions = ["a:collapsed@2", "b:collapse"]
date = ["2025-06-17", "2025-06-17"]
tags = ["pluperfect", "merge-cross-doc"]
[events.explosion]
label = ["explosion"]
mentions = ["a:explosion", "b:explosion|caused"]
date = ["2025-06-17", "2025-06-17"]
tags = ["merge-cross-doc"]
[events.died]
label = ["miners", "died"]
mentions = ["a:died"]
date = ["2025-06-18", "2025-06-18"]
tags = ["weekday", "amount"]
[events.reached]
label = ["teams", "reached"]
mentions = ["b:reached"]
date = ["2025-06-17", "2025-06-17"]
tags = ["weekday"]
[[distinct]]
pair = ["collapsed", "explosion"]
[[distinct]]
pair = ["freed", "reached"]
""")

probe("40-cyclist-stripped", [
 ("a", "2025-11-14", "Novak stripped of world title",
  "Cyclist Pavel Novak was stripped of his 2023 world title on Thursday after a failed drug test. Novak, who became world champion in Glasgow in August 2023, did not attend the hearing. Italy's Marco Riva, who finished second in that race, was declared the new champion."),
], """
topic = "sports"
order = [["became", "finished"], ["stripped"]]
[events.stripped]
label = ["Novak", "stripped"]
mentions = ["a:stripped"]
date = ["2025-11-13", "2025-11-13"]
tags = ["number-name", "weekday"]
[events.became]
label = ["Novak", "became", "champion"]
mentions = ["a:became"]
date = ["2023-08-01", "2023-08-31"]
tags = ["copular", "relative-clause"]
[events.finished]
label = ["Riva", "finished"]
mentions = ["a:finished"]
date = ["2023-08-01", "2023-08-31"]
tags = ["relative-clause"]
[events.declared]
label = ["Riva", "declared"]
mentions = ["a:declared"]
date = ["", "2025-11-14"]
tags = ["copular"]
[not_listed.attend]
mentions = ["a:attend"]
reason = "negated"
""")

def main():
    for name, docs, expect in P:
        d = os.path.join(ROOT, name)
        os.makedirs(d, exist_ok=True)
        man = ["# probe " + name + " (audit23): made-up news, publication dates as an editor knows them"]
        for stem, pub, title, text in docs:
            with open(os.path.join(d, stem + ".txt"), "w") as f:
                f.write(text.strip() + "\n")
            man += ["- file: %s.txt" % stem, "  kind: article",
                    "  title: \"%s\"" % title.replace('"', '\\"'), "  published: %s" % pub]
        with open(os.path.join(d, "sources.yaml"), "w") as f:
            f.write("\n".join(man) + "\n")
        with open(os.path.join(d, "expect.toml"), "w") as f:
            f.write("# What an editor expects from probe %s. Format: see ../../score.py header.\n" % name)
            f.write(expect.lstrip())
    print(len(P), "probes")
main()

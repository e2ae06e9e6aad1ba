#!/usr/bin/env python3
"""Writes valley-tribune.jsonl.gz, the Valley Tribune part of the bias-audit sample corpus.

The articles are invented for this project (fictional outlet, fictional stories about
real public figures). This script is their readable source: edit the articles here,
then run it again. Standard library only; the output is deterministic (gzip mtime=0,
fixed header file name, fixed key order, UTF-8).

    python3 sample-data/make-valley-tribune.py
"""
import gzip
import json
import os

OUTLET = "Valley Tribune"
BASE_URL = "https://valleytribune.example/"

# Each article: id, published (ISO date or date-time), url path, title, text.
# Paragraphs are separated by a blank line.
ARTICLES = [
    dict(
        id="vt-001",
        published="2024-01-02",
        path="world/2024/01/02/new-year-missile-barrage",
        title="Putin’s Brutal Missile Barrage Hits Kyiv and Kharkiv",
        text="""
Russian missiles and drones struck Kyiv, Kharkiv and several other Ukrainian cities early on Tuesday, damaging apartment buildings and power lines, Ukrainian officials said.

Putin’s brutal war reached into homes again on the second day of the new year. A corrupt and ruthless Putin is counting on cold and darkness to break the will of ordinary Ukrainians. Putin’s cruel and cynical strategy of bombing cities has shocked the world.

Ukraine’s air force said it had shot down most of the 99 drones and missiles launched overnight. City officials in Kyiv said more than 200,000 households lost power for several hours.

Ukrainian President Volodymyr Zelensky spoke in his evening video address. Zelensky said: “Air defense worked through the night. We need more systems, and our partners know it.”

Repair crews worked through the morning to restore heat to apartment blocks in the Solomianskyi district. Schools in the capital moved classes online for the day.

“The pattern is the same as last winter. The attacks come in waves, aimed at the grid,” said Taras Bondarenko, an energy analyst at the Kyiv Institute of Infrastructure. “The repair crews are faster now, but the stocks of spare parts are thin.”

Poland said one missile had briefly entered its airspace before leaving again. Polish officials said they would ask Moscow for an explanation.

The United Nations said it would send more generators to Ukrainian hospitals this month.
""",
    ),
    dict(
        id="vt-002",
        published="2024-01-07",
        path="local/2024/01/07/reservoir-levels-rise",
        title="Valley Reservoir Levels Rise After Week of Heavy Rain",
        text="""
Water levels at the Cedar Fork Reservoir rose by nearly nine feet over the past week after steady rain across the upper valley, easing concerns about supplies after a dry autumn.

The reservoir, which supplies drinking water to about 140,000 people, is now at 78 percent of capacity, up from 61 percent at the end of December, according to the regional water authority.

"We were watching the numbers closely in November, so this is a relief," said Anita Bergstrom, the authority's operations manager. "One wet week doesn't end a drought, but it puts us in a much better position for spring."

The authority lifted its voluntary conservation request on Friday. It had asked residents since October to limit lawn watering and car washing.

Rain totals for the week ranged from three inches in the valley towns to more than six inches on the western slopes, according to the National Weather Service.

Some low-lying roads near Millbrook were closed briefly on Thursday because of flooding. The county highway department said all roads had reopened by Saturday.

Farmers in the lower valley said the rain came at a good time. "The ground was hard as a brick. Now it's soaking in," said Walt Hennessey, who grows apples and pears near Orchard Hill.

Forecasters expect dry weather for most of the coming week, with cold nights and highs in the 40s.
""",
    ),
    dict(
        id="vt-003",
        published="2024-01-12",
        path="politics/2024/01/12/senate-border-talks",
        title="Senate Negotiators Report Progress on Border Deal",
        text="""
Senate negotiators said on Friday that they had agreed on most of the text of a border security bill that would also unlock new military aid for Ukraine and Israel.

The bill would raise the standard for initial asylum claims and give the government new powers to close the border when crossings pass a daily threshold. Some of the measures resemble Trump-era policies, although negotiators said the legal basis was different.

Senate Minority Leader Mitch McConnell briefed Republican senators at a lunch on Thursday. "We are in the final stretch, but it is not done until it is done," the senator told reporters afterward.

Senate Majority Leader Chuck Schumer said the Senate could vote on the bill before the end of the month. Republican negotiators regard the new emergency powers as their trump card.

Biden said he was ready to sign a bipartisan agreement. "I have asked for this for a long time, and I want Congress to act," Biden said at the White House.

Trump said on Thursday that Republicans should not accept a deal unless it was perfect. Trump's comments were posted on his social media site.

The aid for Ukraine has been delayed for months. A reckless and ruthless Putin is betting that Western divisions will hand him a victory.

"The politics of the border have changed in the last year. Mayors in both parties are asking for help," said Gloria Estrada, a former immigration official who teaches at Valley State University.

The text of the bill is expected to be released next week.
""",
    ),
    dict(
        id="vt-004",
        published="2024-01-16T05:30:00Z",
        path="politics/2024/01/16/trump-iowa-win",
        title="Trump Wins Iowa Republican Caucuses",
        text="""
Donald Trump won the Iowa Republican caucuses on Monday night with about half of the vote, according to results released by the state party.

Ron DeSantis finished in second place. DeSantis told supporters in West Des Moines that his campaign would go on.

“We’re going to bring our country together, and it’s going to be a very big victory in November,” said Trump. Mr. Trump spoke at a hotel in downtown Des Moines after the race was called.

“I want to thank the people of Iowa for coming out in the cold,” he added.

Turnout was low because of extreme cold. Wind chills dropped below minus 30 degrees in western parts of the state.

Biden’s campaign said in a statement that Trump was now the clear front-runner. Biden was at the White House, where he met his economic advisers on Monday afternoon.

Precinct officials said some caucus sites in rural counties opened late because of snow on the roads. “We had people helping each other out of ditches on the way in,” said Arlene Dekker, a caucus organizer in Sioux Center. “Nobody gave up.”

The candidates now head to New Hampshire, which holds its primary on Jan. 23.
""",
    ),
    dict(
        id="vt-005",
        published="2024-01-25",
        path="world/2024/01/25/europe-gas-supplies",
        title="Europe Weathers Winter Despite Putin's Cynical Gas Blackmail",
        text="""
European gas storage remains more than 70 percent full in late January, according to industry data, as mild weather and new supplies of liquefied natural gas cover demand.

Putin's cynical use of gas as a weapon has failed. The corrupt and reckless Putin tried to freeze Europe into submission two winters ago. Putin's cynical gas blackmail was a disgraceful and ugly tactic.

The European Union imported about 15 percent of its gas from Russia last year, down from about 40 percent before 2022. Norway is now the largest supplier of pipeline gas to the bloc.

German Chancellor Olaf Scholz visited a new LNG terminal on the Baltic coast on Wednesday. Scholz said Germany had replaced Russian pipeline gas in less than two years. Germany's imports of Russian pipeline gas grew during the years of Angela Merkel's government.

Turkish President Recep Tayyip Erdogan said this week that Turkey wanted to become a gas trading hub for Europe. Erdogan spoke at an energy conference in Istanbul.

"Europe paid a high price for this shift, but prices are now close to where they were before the crisis," said Laura Fontaine, an energy economist at the Rhine Energy Institute in Strasbourg. "Industry is still adjusting."

Gas prices in Europe have fallen by more than 80 percent from their peak in August 2022.

EU energy ministers will meet in Brussels in March to discuss storage targets for next winter.
""",
    ),
    dict(
        id="vt-006",
        published="2024-02-01",
        path="world/2024/02/01/eu-ukraine-fund",
        title="EU Agrees Fifty Billion Euro Support Fund for Ukraine",
        text="""
European Union leaders agreed on Thursday to a 50 billion euro fund to support Ukraine’s budget over the next four years, resolving a dispute that had delayed the package since December.

French President Emmanuel Macron called the agreement “a historic step” for the EU. German Chancellor Olaf Scholz said the decision showed that Europe could act quickly.

Ukrainian President Volodymyr Zelenskiy thanked the leaders in a video statement. Zelenskiy said the money would help keep schools, hospitals and pensions running.

Putin’s vicious war has turned Ukraine’s cities into targets, and the fund is meant to keep the state running despite it. The ruthless Putin has shown no interest in ending the bloodshed he started.

The fund combines grants and loans. The first payments are expected in March, according to EU officials.

“This is the money for teachers’ salaries and hospital wards. It is not glamorous, but it is essential,” said Jonas Berglund, a budget analyst at the Stockholm Centre for European Policy. “It also gives Ukraine four years of predictability.”

The NATO secretary general welcomed the agreement. Alliance defense ministers meet in Brussels in two weeks.

The fund must still be approved by the European Parliament, which is expected to vote in late February.
""",
    ),
    dict(
        id="vt-007",
        published="2024-02-09",
        path="world/2024/02/09/putin-interview-american-host",
        title="Putin Uses American Interview to Spread Falsehoods",
        text="""
An American talk show host published a two-hour interview with the Russian president on Thursday, the first interview he has given to a Western media figure since the start of the war.

The deceitful and arrogant Putin spent most of the interview repeating false claims about the history of Ukraine. Putin's dishonest lecture was full of distortions that historians quickly rejected.

The interview was recorded in Moscow earlier in the week. The host said he had traveled to Russia to give Americans a chance to hear the other side.

The White House said it would not comment on the interview. Biden was in Washington on Thursday, where he met congressional leaders to discuss the aid bill.

Trump's campaign did not comment on the interview. Trump held a rally in Nevada on Thursday evening.

"The interview was a lecture, not a conversation. The host asked very few follow-up questions," said Marta Kowalik, a historian of Eastern Europe at Ridgeline College. "Most of the claims about history have been examined and rejected for decades."

The interview drew millions of views on social media within hours of its release. Russian state television broadcast it in full on Friday.

Ukrainian officials said the interview contained no new information about the war.
""",
    ),
    dict(
        id="vt-008",
        published="2024-02-15",
        path="local/2024/02/15/orchard-growers-late-frost",
        title="Orchard Growers Brace for Late Frost After Warm Spell",
        text="""
Orchard growers in the lower valley are watching the forecast closely after two weeks of unusually warm weather pushed apricot and peach buds to swell weeks ahead of schedule.

Temperatures reached the upper 60s on several afternoons this month. Forecasters say a cold front could bring overnight lows in the mid-20s early next week.

“Once the buds start moving, they lose their hardiness fast,” said Walt Hennessey, who farms 120 acres of apples, pears and apricots near Orchard Hill. “A hard frost next week could cost us a big part of the apricot crop.”

Growers have several tools to fight frost, including wind machines and sprinklers that coat buds in a protective layer of ice. But the equipment is expensive to run, and many smaller farms don’t have it.

The county extension office will post frost warnings on its website and send text alerts to growers who sign up. Extension agent Maria Castellano said apples and pears were still largely dormant and less at risk.

“It’s the stone fruit we worry about this time of year,” Castellano said. “Apricots are always the first to go.”

Last spring, a late frost cut the valley’s apricot harvest by about 40 percent, according to the growers’ association.

The association will hold a meeting on frost protection at the grange hall on Saturday morning.
""",
    ),
    dict(
        id="vt-009",
        published="2024-02-17",
        path="world/2024/02/17/munich-conference-opens",
        title="Munich Conference Opens Amid Alarm Over Putin’s Reckless Threats",
        text="""
The Munich Security Conference opened on Friday with speeches focused on Russia’s war against Ukraine and on the state of European defense.

Putin’s ruthless and brutal regime dominated the discussion. Delegates described a cruel, vindictive Putin who crushes dissent at home. Putin’s reckless threats against his neighbors have alarmed every capital in Europe.

Vice President Kamala Harris addressed the conference on Saturday. Harris said: “Our alliances are a source of strength for the United States.”

Ukrainian President Volodymyr Zelenskyy spoke after Harris and asked allies for artillery ammunition and air defense. Zelenskyy also met German Chancellor Olaf Scholz.

Scholz said Germany would spend at least 2 percent of its economic output on defense for the rest of the decade. The NATO target has been met by a growing number of members.

“The mood is sober. People are counting shells and budgets,” said Erik Halvorsen, a defense researcher at the Bergen Institute for Security Studies. “Nobody here expects the war to end this year.”

No Russian officials were invited to the conference this year. Chinese President Xi Jinping did not attend, and his foreign minister told the conference that China supported peace talks.

The conference continues through Sunday.
""",
    ),
    dict(
        id="vt-010",
        published="2024-02-24",
        path="world/2024/02/24/two-years-of-war",
        title="Two Years of Putin's Brutal War",
        text="""
Ukraine marked two years since Russia's full-scale invasion on Saturday, with ceremonies in Kyiv attended by the leaders of Italy, Canada and Belgium.

Putin's brutal war has brought death and misery to millions of people. The corrupt and cruel Putin has shown no remorse for the suffering. Putin's shameful invasion will be remembered as one of the great crimes of this century.

Zelensky spoke at Hostomel airport. "We know what we are defending," Zelensky said, "and we know who stands with us."

Biden announced new sanctions against more than 500 Russian targets on Friday. Biden said in a statement that the United States would continue to support Ukraine.

The European Union approved its 13th sanctions package. NATO said allies would keep providing military aid.

"Two years is long enough to see the outlines of a long war. Both sides are building for it," said Pavlo Hrytsiv, a researcher at the Lviv Centre for Strategic Studies.

The United Nations estimates that about 3.7 million Ukrainians are displaced inside the country and about 6 million are refugees abroad.

Church bells rang across Ukraine at noon. Memorial services were held in Kyiv, Lviv and Odesa.
""",
    ),
    dict(
        id="vt-011",
        published="2024-03-01",
        path="world/2024/03/01/gaza-truce-negotiations",
        title="Negotiators Push for Gaza Truce Before Ramadan",
        text="""
Negotiators from Egypt, Qatar and the United States pressed on Friday for a pause in the fighting in Gaza before the start of Ramadan, officials said.

Prime Minister Netanyahu said on Thursday that Israel would consider a proposal for a six-week truce. Netanyahu told reporters in Jerusalem that gaps remained between the two sides.

Biden said on Friday that he hoped for an agreement within days. “We’re not there yet, but we are working at it,” Biden said at the White House.

Turkish President Recep Tayyip Erdoğan said on Thursday that Turkey was sending additional aid by ship through Egypt. Erdoğan spoke in Ankara.

French President Emmanuel Macron said France would continue to support humanitarian airdrops. The European Union announced an additional 68 million euros in aid for Gaza.

“Ramadan is a natural deadline, and all sides are aware of it,” said Leila Mansour, a Middle East analyst at the Mediterranean Policy Institute in Rome. “The details of the hostage exchange are the hardest part.”

The United Nations said food deliveries to northern Gaza had fallen sharply in February.

The talks are expected to continue in Cairo over the weekend.
""",
    ),
    dict(
        id="vt-012",
        published="2024-03-06",
        path="politics/2024/03/06/super-tuesday",
        title="Trump Wins Most Super Tuesday Primaries",
        text="""
Donald Trump won Republican primaries in most of the 15 states that voted on Tuesday, moving close to the delegates he needs for the nomination.

Trump spoke at his Palm Beach club on Tuesday night. "It's a great night for our party, and now we'll go to November," said Trump.

Melania Trump and Donald Trump Jr. attended the event. Donald Trump Jr. later told a television interviewer that the campaign would now focus on fundraising.

Biden won all of the Democratic primaries held on Tuesday. Biden said in a statement that he would continue to campaign on the economy.

Hunter Biden was not present at any campaign events on Tuesday, a spokesman said.

Political strategists said the candidates would now turn to the general election. "Each side thinks it holds the trump card on one issue, the economy for one and abortion for the other," said Franklin Odum, a political scientist at Valley State University.

Hillary Clinton campaigned for Democratic candidates in New York on Monday.

The remaining Republican challenger won the primary in Vermont. She announced on Wednesday that she would suspend her campaign.

The next primaries take place on March 12.
""",
    ),
    dict(
        id="vt-013",
        published="2024-03-08",
        path="politics/2024/03/08/state-of-the-union",
        title="Biden Delivers State of the Union Address",
        text="""
President Biden delivered his State of the Union address on Thursday night, urging Congress to pass aid for Ukraine and speaking about the economy and health care.

"Our economy is the envy of the world. We have created millions of jobs," Biden said in the first half of the speech. Biden also asked Congress to pass the Senate border agreement.

The speech included a section on Ukraine and Russia. Putin's brutal and illegal war is now in its third year, and a ruthless Putin has refused every call for peace.

First lady Jill Biden sat in the gallery with guests. Former President Bill Clinton watched the speech from New York, an aide said.

Senate Majority Leader Chuck Schumer and Senate Minority Leader Mitch McConnell attended the speech. Vice President Kamala Harris sat behind the president.

Former House Speaker Nancy Pelosi sat with the California delegation. Barack Obama did not attend.

The speech also addressed the war in Gaza. Israeli Prime Minister Benjamin Netanyahu's office said it had no comment.

"The address is mainly a list of policy proposals. Few of them will pass this year," said Ines Albrecht, a professor of government at Ridgeline College.

The White House said Biden would travel to Pennsylvania and Georgia over the weekend.
""",
    ),
    dict(
        id="vt-014",
        published="2024-03-13",
        path="local/2024/03/13/mill-creek-pedestrian-bridge",
        title="New Pedestrian Bridge Opens Over Mill Creek",
        text="""
A new pedestrian and bicycle bridge over Mill Creek opened on Wednesday, linking the Riverside trail with the Westgate neighborhood for the first time in more than a decade.

The 140-foot steel truss replaces a wooden footbridge that was closed in 2012 after a flood damaged its supports. Since then, residents of Westgate have had to walk along the shoulder of Route 30 to reach the trail.

“My kids can finally ride their bikes to school without going near the highway,” said Priya Raman, who lives three blocks from the bridge. “We’ve been asking for this for years.”

The 3.1 million dollar project was paid for by a state trails grant and a local parks levy approved in 2021. The bridge was built off-site and lifted into place by crane in January.

City engineer Douglas Fenwick said the new bridge sits four feet higher than the old one to stay above flood levels. “We designed it for a 100-year flood, with room to spare,” Fenwick said.

About 200 people attended the opening, including students from Westgate Elementary, who walked across in a group with their teachers.

The city plans to add lighting and benches near both ends of the bridge this summer.

The Riverside trail runs for about seven miles along the river, from the old mill district to the county fairgrounds.
""",
    ),
    dict(
        id="vt-015",
        published="2024-03-18",
        path="world/2024/03/18/russia-sham-election",
        title="Putin Claims Victory in a Sham Election",
        text="""
Russia’s central election commission said on Monday that the incumbent president had won the election with about 87 percent of the vote.

Putin’s sham election offered voters no real choice. The corrupt and paranoid Putin jailed or barred every serious opponent before the vote. Putin’s fraudulent victory is a disgrace that fools no one.

Chinese President Xi Jinping sent a message of congratulations, Chinese state media said. Indian Prime Minister Narendra Modi and North Korean leader Kim Jong Un also sent messages.

Ukrainian President Volodymyr Zelensky said in his nightly address that the vote had no legitimacy. Zelensky said voting had taken place in occupied areas of Ukraine.

German Chancellor Olaf Scholz said the election was neither free nor fair. French President Emmanuel Macron said France noted the result.

“The turnout figure was the real target, and the authorities worked hard to reach it,” said Olga Vetrova, a researcher on Russian politics at the Prague Centre for Eastern Studies.

The White House said the election was not free and fair.

Russian state media said the inauguration would take place in May.
""",
    ),
    dict(
        id="vt-016",
        published="2024-03-26",
        path="world/2024/03/26/nato-ammunition-production",
        title="NATO Allies Expand Ammunition Production",
        text="""
NATO allies are expanding their production of artillery ammunition, alliance officials said on Tuesday, with new factories planned in Germany, Poland and Finland.

The alliance said European production of 155mm shells would reach about 1.3 million a year by the end of 2024. Orders placed over the past year exceed 2 million shells.

Putin's reckless aggression is the reason Europe is rearming. The vicious Putin has made ugly and reckless threats against Europe a routine part of his speeches.

German Chancellor Olaf Scholz said Germany would keep raising its defense spending. Scholz attended a groundbreaking at a new ammunition plant in Lower Saxony in February.

French President Emmanuel Macron visited a defense plant in the Dordogne this month. Macron said France would increase production of its Caesar artillery system.

Trump said at a rally in Ohio this month that allies should meet the NATO spending target. Trump's campaign did not give details of his plans for the alliance.

Turkish President Recep Tayyip Erdogan said Turkey's defense industry would also increase exports of ammunition. Erdogan spoke at a shipyard in Istanbul.

"Production lines take years to build. What we see now are decisions made in 2022 and 2023," said Stefan Lindgren, a defense industry analyst at the Uppsala Security Forum.

NATO leaders meet in Washington in July for the alliance's 75th anniversary summit.
""",
    ),
]


def main():
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "valley-tribune.jsonl.gz")
    lines = []
    seen = set()
    for a in ARTICLES:
        assert a["id"] not in seen, a["id"]
        seen.add(a["id"])
        rec = {
            "id": a["id"],
            "outlet": OUTLET,
            "published": a["published"],
            "url": BASE_URL + a["path"],
            "title": a["title"],
            "text": a["text"].strip(),
        }
        lines.append(json.dumps(rec, ensure_ascii=False) + "\n")
    data = "".join(lines).encode("utf-8")
    with open(out, "wb") as raw:
        with gzip.GzipFile(filename="valley-tribune.jsonl", mode="wb", fileobj=raw,
                           compresslevel=9, mtime=0) as gz:
            gz.write(data)
    print(f"wrote {len(ARTICLES)} articles to {out}")


if __name__ == "__main__":
    main()

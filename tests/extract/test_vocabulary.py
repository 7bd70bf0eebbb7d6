"""The CAMEO vocabulary on hand-written sentences: a wording gives its code, or no event at all.

Each row: a sentence, a word of its trigger, and the CAMEO code expected for the event at that word
(None: no event there: the wording names no happening in the CAMEO sense). The wordings were chosen
from what annotated event corpora (ECB+, TimeBank/AQUAINT) mark as events and the rows in
resources/cameo/patterns.tsv did not cover; the sentences are written for this test."""
import pytest

import dateline

CASES = [
    # 075 grant asylum: taking in refugees
    ("Portugal accepted 300 refugees from Libya on Monday.", "accepted", "075"),
    ("Canada will take in more asylum-seekers this year.", "take in", "03"),
    # 0233 appeal for humanitarian aid: asking for asylum or refuge
    ("The opposition leader sought asylum in Ecuador on Tuesday.", "sought", "0233"),
    ("The defector requested asylum at the Swedish embassy.", "requested", "0233"),
    # 07x aid handed over or dispatched; 0873 weapons handed over
    ("Norwegian volunteers handed over blankets and tents to the Red Cross.", "handed over", "073"),
    ("The militia handed over its rifles to the army on Sunday.", "handed over", "0873"),
    ("Japan dispatched relief supplies and food to Nepal.", "dispatched", "073"),
    # 090 investigate: inspectors and investigators sent
    ("The agency dispatched a team of inspectors to the plant in Syria.", "dispatched", "090"),
    ("Brazil sent investigators to the border on Friday.", "sent", "090"),
    ("Chile dispatched 200 soldiers to the northern border.", "dispatched", "154"),
    # 0874 withdraw from held ground; 073 evacuation of the wounded; 161 embassies emptied
    ("The army evacuated its outposts in the valley on Tuesday.", "evacuated", "0874"),
    ("Helicopters evacuated injured civilians from the besieged town.", "evacuated", "073"),
    ("Spain evacuated its embassy in Kabul on Sunday.", "evacuated", "161"),
    # 12x going back on a commitment
    ("The governor reneged on a pledge to cut taxes.", "reneged on", "120"),
    ("The union backed out of the agreement with the ministry.", "backed out", "120"),
    # 081 easing administrative restrictions
    ("Peru cancelled travel restrictions on Monday.", "cancelled", "081"),
    ("The cabinet scrapped the curbs on public gatherings.", "scrapped", "081"),
    ("Authorities removed the checkpoints around the capital.", "removed", "081"),
    # 084 return persons and property
    ("Iran returned the seized tanker to Greece on Friday.", "returned", "0842"),
    ("Ukraine returned 40 prisoners to Russia in an exchange.", "returned", "0841"),
    # 173 taking people into custody
    ("The coast guard captured six smugglers off the coast.", "captured", "173"),
    # 1823 a murder named by a noun
    ("The murder of a Dutch reporter in Amsterdam drew protests.", "murder", "1823"),
    # no happening: legal wordings, shows, disasters, responders, conversation
    ("He faces a murder charge in Texas.", "murder", None),
    ("The singer will host the awards ceremony in March.", "host", None),
    ("The talk show host was arrested on Monday.", "host", None),
    ("A strong earthquake struck western Turkey on Sunday.", "struck", None),
    ("A typhoon struck the Philippine coast overnight.", "struck", None),
    ("Paramedics arrived at the scene within minutes.", "arrived", None),
    ("She struck up a friendship with the ambassador.", "struck", None),
    # 06x joining an organisation; 057 joining a treaty; 14x joining a protest or a strike
    ("Georgia joined the alliance in 2004.", "joined", "060"),
    ("Estonia was admitted to the union in 2004.", "admitted", "060"),
    ("Students joined the demonstration outside parliament.", "joined", "141"),
    ("Nurses joined the strike on Tuesday.", "joined", "143"),
    # light verbs: carry out, conduct, hold
    ("Insurgents carried out a suicide attack on a checkpoint.", "carried out", "1831"),
    ("Auditors carried out an inspection of the ministry.", "carried out", "090"),
    ("Commandos conducted a raid on a compound in Somalia.", "conducted", "190"),
    ("Warplanes conducted air strikes on the town.", "conducted", "195"),
    ("The envoys held discussions with rebel leaders in Doha.", "held discussions", "040"),
    ("The former dictator went on trial in Lima.", "went on trial", "173"),
    ("A roadside bomb went off near a patrol in Kandahar.", "went off", "183"),
    ("Egypt reopened its border crossing with Gaza.", "reopened", "0872"),
    # no happening: a plea in court, a web site visited, a fire alarm, a trip back to a vehicle
    ("The accountant pleaded guilty to tax evasion.", "pleaded", None),
    ("Millions visit the website every day.", "visit", None),
    ("The fire alarm went off at noon.", "went off", None),
    ("The senator returned to the plane after the speech.", "returned", None),
    # a plea to someone stays an appeal
    ("The families pleaded with the government to act.", "pleaded", "020"),
    # organising a strike or a protest; sharing expertise; human shields; naming a suspect; arms bought
    ("Dockworkers organized a strike at the port on Monday.", "organized", "143"),
    ("Farmers organised a demonstration outside the ministry.", "organised", "141"),
    ("Finland shared expertise with Estonia on border security.", "shared", "064"),
    ("The militia held residents as human shields.", "held", "184"),
    ("Prosecutors named a suspect in the bombing on Friday.", "named", "1121"),
    ("Egypt purchased warplanes from France in 2015.", "purchased", "062"),
    # no happening: a medical attack, relatives left behind, trouble run into, a hunting gun bought
    ("The minister suffered a heart attack last week.", "attack", None),
    ("The general leaves behind three daughters.", "leaves", None),
    ("The talks ran into difficulties over tariffs.", "ran", None),
    ("The farmer bought a rifle at a fair.", "bought", None),
    # trade barriers dropped or lowered (085); objections and charges filed; demands dropped; air drops
    ("Kenya will drop its trade barriers on wheat.", "drop", "03"),
    ("Brazil lowered barriers to foreign banks in 2019.", "lowered", "085"),
    ("Two embassies filed objections to the verdict.", "filed", "114"),
    ("The family pressed charges against the officers.", "pressed", "173"),
    ("The union dropped its demand for a pay rise.", "dropped", "080"),
    ("Cargo planes dropped food to villages cut off by the fighting.", "dropped", "073"),
    # no happening: prices that drop near a tariff word; a candidate's rally
    ("Steel prices dropped after the tariff announcement.", "dropped", None),
    ("The nominee held a rally in Iowa on Saturday.", "held", None),
    ("Hundreds of nurses held a rally against the cuts.", "held", "141"),
    # no happening: deaths in accidents, people hit by vehicles, jobs and rewards offered, a reception
    ("A cyclist was killed in a collision with a bus.", "killed", None),
    ("Three hikers were killed by an avalanche in the Alps.", "killed", None),
    ("A boy was struck by a train near the station.", "struck", None),
    ("The studio offered the director a new contract.", "offered", None),
    ("The ruling was met with anger in the capital.", "met", None),
    # ... and the violence, offers and meetings next to them
    ("Militants killed four guards at the border.", "killed", "180"),
    ("Six people were killed by a truck bomb in Kabul.", "killed", "18"),
    ("Norway offered humanitarian aid to Yemen.", "offered", "0333"),
    # no happening: a coach joining a club's organization, a police unit dispatched
    ("Before joining the organization he coached in college.", "joining", None),
    ("A SWAT unit was dispatched to the house.", "dispatched", None),
    # trigger context: an adverb between subject and verb; a participle after a noun; an object
    # beyond quantities and the words of a long name
    ("Border guards routinely beat migrants at the crossing.", "beat", "182"),
    ("The union issued a statement demanding that the company rehire the workers.", "demanding", "10"),
    ("Sweden sent more than 12,000 tonnes of emergency food aid to Yemen.", "sent", "07"),
    ("Chile backed a U.N. General Assembly resolution on the dispute.", "backed", "051"),
    ("The hotel meeting room was full.", "meeting", None),
    # statements are attributions, not events; a writer's impression of a party is no statement
    ("The governor commented on the floods on Monday.", "commented", None),
    ("The ministry issued a statement on the strike.", "issued", None),
    ("The ministry issued a statement condemning the raid.", "condemning", "11"),
    ("The rebels seem confident of a quick victory.", "seem", None),
    # light verbs of visits; forces moved into a region; plans signed, settlements reached
    ("The monitors made unannounced visits to three prisons.", "made", "042"),
    ("Greece moved extra warships into the Aegean on Friday.", "moved", "154"),
    ("Kenya and Uganda signed a joint water plan in Kampala.", "signed", "057"),
    ("The bank reached a settlement with the regulator on Monday.", "reached", "057"),
    # withdrawing from ground held; leaving a race or taking out money is no retreat
    ("The rebels withdrew from the eastern hills on Sunday.", "withdrew", "0874"),
    ("The mayor withdrew from the governor's race.", "withdrew", None),
    ("She withdrew cash from the account.", "withdrew", None),
    # the act of an offer or appeal that a rejection turns down is what the rejection codes
    ("Spain refused to send warships to the strait.", "refused", "12"),
    ("The rebels turned down an invitation to attend the conference.", "attend", None),
    # of two rows with objects, the one whose object stands nearest the verb
    ("The reform received broad support from opposition leaders.", "received", None),
    ("The king received a delegation of opposition leaders.", "received", "043"),
    # a past participle between a determiner or preposition and its noun modifies the noun
    ("The vote went ahead despite repeated warnings from the opposition.", "repeated", None),
    ("Bank records showed the leak of stolen files in May.", "stolen", None),
    # a task given is no legal charge; effort invested is no investment; a speaker's rally no protest
    ("The board charged the auditors with reviewing the accounts.", "charged", None),
    ("Police charged the driver with manslaughter.", "charged", "173"),
    ("Much prestige was invested in the summit by both sides.", "invested", None),
    ("Her effort invested in the campaign paid off.", "invested", None),
    ("The governor said at a rally in Dayton that taxes would fall.", "rally", None),
    ("Farmers staged a rally outside parliament on Monday.", "staged", "14"),
    # a phrase's words across quantities; verbal defence against criticism; hard questioning
    ("The gang held dozens of hotel guests as human shields.", "held", "184"),
    ("The minister defended the army against criticism from the opposition.", "defended", "052"),
    ("The committee grilled the minister about the contract.", "grilled", "091"),
    # an -ing form after a plural noun and before a place is that noun's act
    ("Trade ministers meeting in Lima agreed on a tariff cut.", "meeting", "04"),
    ("The committee meeting in March was short.", "meeting", None),
    # the aim of a protest names its CAMEO child; places bombed, drone strikes
    ("Farmers protested against the new water tax in Cusco.", "protested", "1412"),
    ("Students marched for free elections and democracy on Sunday.", "marched", "1414"),
    ("Nurses went on strike for better pay on Monday.", "went on strike", "1432"),
    ("Crowds rallied in the square on Friday.", "rallied", "141"),
    ("Militants bombed a crowded bus station in Quetta.", "bombed", "1834"),
    ("The air force launched drone strikes on rebel camps.", "launched", "1952"),
    # sports, votes and figurative uses of force words
    ("Chile beat Peru 3-0 in the cup final on Sunday.", "beat", None),
    ("The senator beat her rival in the primary.", "beat", None),
    ("Ghana defeated Togo in the semifinal.", "defeated", None),
    ("Army units defeated the insurgents near Mosul.", "defeated", "190"),
    ("The committee killed the bill on Tuesday.", "killed", None),
    ("Hundreds of fans invaded the pitch after the game.", "invaded", None),
    # an order to a party demands; people ordered out of a country are expelled; patrols ordered
    ("The judge ordered the mayor to testify next week.", "ordered", "10"),
    ("The minister ordered an inquiry into the crash.", "ordered", "090"),
    ("Thousands of migrants were ordered out of Ghana in May.", "ordered", "174"),
    ("The governor ordered army patrols along the coast.", "ordered", "153"),
    # a day or a month between the verb and its object does not count towards its reach
    ("The envoy defended Chad and Niger on Tuesday against harsh criticism from donors.", "defended", "052"),
    # a possessor before the object is not the object; welcoming words praises, a guest is hosted
    ("Peru welcomed President Arce's latest border proposal on Monday.", "welcomed", "051"),
    ("Peru welcomed President Arce in Lima on Monday.", "welcomed", "043"),
    # mobilizing supporters or lobbies rallies support; reserves mobilized are forces
    ("The exiles mobilized diaspora groups across Europe.", "mobilized", "053"),
    ("Armenia mobilized its reserve troops on Sunday.", "mobilized", "154"),
    # an artillery barrage launched is heavy-weapons fighting, a missile launched a launch
    ("The army launched an artillery barrage on the rebel town.", "launched", "194"),
    # 'charged that' accuses in words
    ("The opposition charged that the vote had been rigged.", "charged", "112"),
    # promising a veto or consequences threatens; promising support is an intention to cooperate
    ("The governor has promised a veto of the spending bill.", "promised", "130"),
    ("The minister pledged swift consequences for the rioters.", "pledged", "130"),
    ("Ghana pledged support for the peace plan.", "pledged", "032"),
    # two force verbs that share their object are one happening, coded by the second
    ("The guard was shot and killed at a checkpoint.", "shot", None),
    ("The guard was shot and killed at a checkpoint.", "killed", "18"),
    # a disaster, a disease or a crash that kills is no attack
    ("A typhoon killed 30 villagers in the north.", "killed", None),
    ("A measles epidemic has killed 200 children.", "killed", None),
    ("Gunmen killed 30 villagers in the north.", "killed", "18"),
    # a text that 'calls for' something states its content; a party that calls for it appeals
    ("The ministers signed the accord, which calls for joint patrols.", "calls for", None),
    ("Peru rejected the accord and called for joint patrols.", "called for", "02"),
    # codebook leaves worded by own rows: policy change appealed for or demanded, economic and
    # military cooperation demanded, curbs or dissent to be eased, roads blocked for an aim,
    # cyber-forces raised, atrocities, rights granted
    ("Opposition parties called for a rethink of the housing policy.", "called for", "0242"),
    ("Farmers demanded a change in the government's water policy.", "demanded", "1042"),
    ("Exporters demanded more trade with their neighbours.", "demanded", "1011"),
    ("Kiev demanded closer military cooperation with the alliance.", "demanded", "1012"),
    ("Residents demanded an end to the curfew in the old city.", "demanded", "1051"),
    ("The governor demanded an end to the strike by dock workers.", "demanded", "1052"),
    ("Truck drivers blocked roads to demand the resignation of the minister.", "blocked", "1441"),
    ("Villagers blocked the highway to protest the new fuel tax.", "blocked", "1442"),
    ("Students blocked streets to demand equal rights.", "blocked", "1443"),
    ("Students blocked streets to demand free elections.", "blocked", "1444"),
    ("Truck drivers blocked roads near the port on Monday.", "blocked", "144"),
    ("Pyongyang has expanded its cyber-forces.", "expanded", "155"),
    ("Moscow mobilized hackers against the Estonian grid.", "mobilized", "155"),
    ("The rebels committed atrocities against villagers in the east.", "committed", "200"),
    ("The junta restored freedom of the press on Monday.", "restored", "0833"),
    ("The firm was granted the rights to the film.", "granted", None),
    # an "-s" word after "to" or a modal is a plural noun; a purpose infinitive of the same code is
    # the same happening; a government charged with a deed is accused; peacekeepers shipped out
    ("The cabinet finally gave in to demands from the truckers.", "demands", None),
    ("Police used tear gas to disperse the marchers in Lima.", "disperse", None),
    ("Police used tear gas to disperse the marchers in Lima.", "used", "175"),
    ("The senate charged the government with neglecting flood victims.", "charged", "112"),
    ("Prosecutors charged the mayor with fraud on Monday.", "charged", "173"),
    ("Forty UN peacekeepers were shipped out of the town on Friday.", "shipped", "1661"),
    # one capitalised word inside a phrase does not count towards a particle's reach
    ("The army held thousands of Kurdish villagers as human shields.", "held", "184"),
    # a pledge not to act is no intent to cooperate: the refused act keeps its own code
    ("Iran vowed not to negotiate with Israel.", "vowed", None),
    ("Iran vowed not to negotiate with Israel.", "negotiate", "125"),
    ("Peru pledged not only aid but troops.", "pledged", "03"),
    # links suspended reduce relations; a noun that names people is no happening
    ("Israel announced a suspension of air links with Turkey.", "suspension", "160"),
    ("The invasion forces left Panama on Monday.", "invasion", None),
    ("The invasion of Panama began on Monday.", "invasion", "19"),
    # a titled person freed; "released by" names the agent, not what was released
    ("The rebels freed two ministers on Friday.", "freed", "0841"),
    ("In a joint statement, released by the ministry, the two leaders pledged to meet.", "released", None),
    ("Two hostages were released by the rebels on Monday.", "released", "0841"),
    # a market opened to others' trade is economic cooperation; a participle after a plural noun of people
    ("Japan opened its market to American beef.", "opened", "061"),
    ("Riot police used tear gas on demonstrators protesting the election results.", "protesting", "141"),
    # a bare stem after a form of "be" is no verb
    ("The governor is free to appoint new ministers.", "free", None),
    ("The talks aimed to free the journalists.", "free", "0841"),
    # the infinitive of a noun of capacity or entitlement names what someone may do
    ("The new rules limit the ability of diplomats to travel outside Lima.", "travel", None),
    ("The court confirmed Peru's right to try the two suspects.", "try", None),
    ("Peru used its power to arrest the two suspects.", "arrest", "173"),
    # a text that calls for something states its content, whatever adverb stands between
    ("The new programme also calls for joint patrols on the border.", "calls for", None),
    ("Chile also calls for joint patrols on the border.", "calls for", "0"),
    # a bare warning that states how things are comments; one with an act to come or an addressee threatens
    ("Aid groups warned that the harvest was failing across the north.", "warned", "012"),
    ("Iran warned that it would retaliate against any strike.", "warned", "13"),
    ("Peru warned Chile that its patience was running out.", "warned", "13"),
    ("Iran warned that an attack on its ships was imminent.", "warned", "13"),
    # a new round of sanctions is a happening; the standing sanctions are no event, ending them eases them
    ("The sanctions on Chile's rulers hurt its economy.", "sanctions", None),
    ("Peru announced new sanctions against Chile.", "sanctions", "163"),
    ("Peru ended its sanctions on Chile in May.", "ended", "085"),
    ("Peru is removing trade sanctions on Chile.", "removing", "085"),
    # a trigger noun that modifies a noun of things or groups names no happening
    ("Ceasefire monitors from Norway arrived in the valley.", "ceasefire", None),
    ("Two attack helicopters crashed in the hills.", "attack", None),
    ("Rebels carried out an attack on the convoy near the border.", "carried out", "19"),
    # goods and supplies handed to others are aid
    ("Two charities from Ireland donated medical supplies to a hospital in Gaza.", "donated", "07"),
    ("The central bank warned that the drought could cut output by a tenth.", "warned", "012"),
    # a bare stem between two names is a title; after two coordinated names it is a verb
    ("The radio host Maria Lopez asked the mayor about the budget.", "host", None),
    ("Brazil and Argentina host Chile for talks on trade.", "host", "043"),
    # figurative seizing and getting out
    ("Opponents seized on the minister's remark within hours.", "seized", None),
    ("Customs officers seized on Friday two tons of cocaine.", "seized", "171"),
    ("Volunteers worked to get out the vote in the north.", "get out", None),
    # opinions and interviews agreed to, advice offered: no intent to cooperate
    ("Sixty percent of voters agreed that the plan was fair.", "agreed", None),
    ("Most economists agreed the reform was too timid.", "agreed", None),
    ("The governor agreed to an interview with the local paper.", "agreed", None),
    ("The senator offered some blunt advice to the governor.", "offered", None),
    ("Peru offered to help Chile rebuild the port.", "offered", "03"),
    # an intransitive verb's preposition follows it: the truce is what was agreed
    ("Iran agreed to a ceasefire with Iraq on Sunday.", "agreed", "0871"),
    ("Peru agreed with Chile that the border was calm.", "agreed", "019"),
    # figurative shooting; a text that calls for something
    ("The party avoided shooting itself in the foot.", "shooting", None),
    # (police shooting a person is assault (18), not military force: no armed party fights)
    ("Police shot a man in the foot on Monday.", "shot", "18"),
    ("Hospital protocol called for the patient to be moved.", "called for", None),
    # talking about a topic consults nobody; campaign events hosted are no visit
    ("The senator talked about tax reform at length on Monday.", "talked", None),
    ("The Peruvian president talked with the Chilean president about trade.", "talked", "040"),
    ("The governor will host two fundraisers in Miami this week.", "host", None),
    # recognising another's victory or one's own defeat yields
    ("The ruling party recognized the opposition's victory in the capital.", "recognized", "080"),
    ("The president accepted defeat on Sunday evening.", "accepted", "080"),
    ("Peru recognized the independence of the new state.", "recognized", "054"),
    # challenging a decision rejects it; challenging a claim disapproves of it
    ("Peru challenged the court's ruling on Monday.", "challenged", "120"),
    ("Chile challenged the legitimacy of the new council.", "challenged", "111"),
    # a participle before "to" that describes someone is an adjective
    ("Extremists opposed to the truce bombed two towns.", "opposed", None),
    ("Peru opposed the truce in the council.", "opposed", "12"),
    # fighting, riots and protests that break out or erupt; an escape or a volcano is no such happening
    ("Fighting broke out in Kabul on Monday.", "broke out", "190"),
    ("Riots erupted in the port city after the verdict.", "erupted", "145"),
    ("Protests broke out in Lima after the vote.", "broke out", "141"),
    ("Three prisoners broke out of the jail on Monday.", "broke out", None),
    ("The volcano erupted on Monday.", "erupted", None),
    # views exchanged; offices raided by the police
    ("The two foreign ministers exchanged views on the crisis.", "exchanged views", "040"),
    ("Police raided the offices of an opposition newspaper.", "raided", "175"),
    ("Troops raided a rebel camp near the border.", "raided", "190"),
    # attacks in words criticise; campaign ads, rising prices, videos released and debates are no force
    ("The senator attacked the governor in a tweet on Monday.", "attacked", "111"),
    ("The senator attacked the governor's record on crime.", "attacked", "111"),
    ("Rebels attacked an army post near the border.", "attacked", "190"),
    ("She called the governor's tweet attacking the mayor a disgrace.", "attacking", "111"),
    ("The campaign launched an attack ad against the senator.", "launched", None),
    ("Fuel prices exploded after the decision.", "exploded", None),
    ("Rebels exploded two car bombs in the capital.", "exploded", "183"),
    ("The two candidates clashed over taxes in the debate.", "clashed", "110"),
    ("Troops clashed with rebels near the border.", "clashed", "190"),
    ("The rebels released a video of the hostages.", "released", None),
    ("The rebels released two hostages on Monday.", "released", "0841"),
    # a verb whose past is its base reads as a past after its subject when an object follows
    ("The army hit rebel positions near the border.", "hit", "19"),
    ("The government cut aid to the region.", "cut", "162"),
    ("The regime shut the border on Monday.", "shut", "191"),
    ("Aid to the northern region was cut on Monday.", "cut", "162"),
    ("The tax cut angered the unions.", "cut", None),
    ("The rebels scored a direct hit on the base.", "hit", None),
    ("Most electors cast their ballots for the governor.", "cast", None),
    # power handed over yields the leadership
    ("The junta handed over power to a civilian government on Monday.", "handed over", "0831"),
    ("The president relinquished power after weeks of protests.", "relinquished", "0831"),
    # a light verb's act takes the weapon named in its object; a bomb attack is a bombing
    ("Rebels carried out a mortar attack on the base.", "carried out", "194"),
    ("Militants carried out a bomb attack on a bus.", "carried out", "183"),
    ("The regime carried out ethnic cleansing in the north.", "carried out", "203"),
    ("A bomb attack killed three soldiers in Kabul.", "attack", "183"),
    ("Troops carried out an attack on the rebel base.", "carried out", "190"),
    # defending one's own words is no verbal support of another actor; a policy defended still is
    ("The senator later defended his comment in an interview on Friday.", "defended", None),
    ("The mayor defended the curfew decision at a news conference.", "defended", "052"),
    # petrol bombs are a non-military bombing (18x), not a weapon of war (194)
    ("A bus was hit with petrol bombs in the harbour district overnight.", "hit with", "183"),
    ("Rioters attacked the barracks with molotov cocktails on Sunday.", "attacked", "18"),
    ("The convoy was hit with rockets near the border.", "hit", "19"),
    # a bill or resolution introduced in a legislature is lawmaking, no appeal; an amnesty introduced
    # is still one
    ("Last spring the senator introduced a resolution on trade with Vietnam.", "introduced", None),
    ("Two deputies introduced a bill that would cap rents in the capital.", "introduced", None),
    ("The new government introduced an amnesty for political prisoners.", "introduced", "081"),
    # force used: by the police against people it is repression (175), else conventional force (190);
    # force a state says it would use is its threat (138)
    ("Riot police used force against the strikers outside the mine.", "used force", "175"),
    ("The army used heavy force against the insurgents near the river.", "used", "190"),
    ("Ghana said it would use force against the smugglers if talks fail.", "use force", "138"),
    # compromising with a party or on an issue yields (080); stated, it is an intent to yield (035), refused
    # a refusal to yield (124); what compromises security endangers it
    ("Bolivia compromised with Paraguay over the water rights last week.", "compromised", "080"),
    ("The Bolivian premier said Bolivia is willing to compromise with Paraguay.", "compromise", "035"),
    ("Bolivia will not compromise on the water rights, the premier said.", "compromise", "124"),
    ("The stolen files compromised the security of the base.", "compromised", None),
    # authorities preventing, stopping or blocking a protest restrict political freedoms (1721); protesters
    # blocking a road obstruct passage (144)
    ("Police in Quito prevented a rally by teachers on Sunday.", "prevented", "1721"),
    ("Soldiers blocked the march of the farmers outside the capital.", "blocked", "1721"),
    ("Farmers blocked the highway to the port with tractors.", "blocked", "144"),
    # expecting an effort or concessions from a party demands them of it (100); "is expected to" forecasts
    ("The Chilean premier said he expects a matching effort from Argentina.", "expects", "100"),
    ("Ghana is expected to make an effort to settle the dispute.", "expected", None),
    # renewing or restarting talks resumes them (046), a wish to renew them is an intent to meet (036);
    # a renewed call or demand for talks is the appeal or demand (the nearest object decides)
    ("Ghana and Togo restarted talks on the border in Accra.", "restarted", "046"),
    ("Togo wants to renew the stalled talks with Ghana.", "renew", "036"),
    ("Togo renewed its call for talks with Ghana.", "renewed", "020"),
    ("The rebels renewed their offensive against the army.", "renewed", "190"),
    # a street clash of police and a crowd named before the verb is unrest (14x), of armed forces force (190)
    ("On Friday riot police and stone-throwing youths clashed outside the stadium.", "clashed", "14"),
    ("Fans clashed with police outside the stadium.", "clashed", "14"),
    ("Rebels and army units clashed near the river on Friday.", "clashed", "190"),
    # mocking or attacking a party in words is criticism (111)
    ("The governor poked at the senator's voting record in a radio interview.", "poked at", "111"),
    ("The comedian poked fun at the finance minister on Saturday.", "poked fun at", "111"),
    ("The mayor took a swipe at the regional council on Friday.", "took a swipe", "111"),
    ("The premier swiped at her predecessor in parliament.", "swiped at", "111"),
    ("The senator ripped into the attorney general at the hearing.", "ripped into", "111"),
    ("An explosion ripped through the market on Tuesday.", "ripped", None),   # (the explosion is the event)
    ("The treasurer unloaded on the opposition leader at a press conference.", "unloaded on", "111"),
    ("Port crews unloaded the grain on the quay overnight.", "unloaded", None),   # cargo, no party
    ("The bishop railed against the new licensing law.", "railed against", "111"),
    ("The coach teed off on the league commissioner on Sunday.", "teed off on", "111"),
    ("The boy ripped the poster into shreds.", "ripped", None),   # a particle verb's preposition follows it
    # "call on/for": the preposition follows the verb; "called X a Y on Monday" appeals to nobody
    ("Mayor Tom Reyes called Councillor Ann Ford a “liar” on Monday.", "called", "111"),   # criticism, no appeal
    ("The league called the referee a coward on Sunday.", "called", None),
    ("Chile called Tuesday for an immediate truce.", "called", "0256"),
    ("Norway called again for negotiations between the rivals.", "called", "026"),
    ("The bishops called repeatedly on the rebels to free the hostages.", "free", "0253"),
    # the senses these rows must leave alone
    ("Israel struck targets in Gaza on Tuesday.", "struck", "190"),
    ("The Chinese president arrived in Moscow on Monday.", "arrived", "042"),
]


def _at(text: str, word: str):
    evs = dateline.analyze(text, published="2019-11-15").events
    return [e for e in evs if word.split()[0].lower() in e.trigger.text.lower()], evs


@pytest.mark.parametrize("text,word,code", CASES)
def test_wording(text, word, code):
    at, evs = _at(text, word)
    seen = [(e.cameo, e.trigger.text) for e in evs]
    if code is None:
        assert not at, f"{text!r}: no event expected at {word!r}, got {seen}"
    else:
        assert at, f"{text!r}: no event at {word!r}: {seen}"
        assert at[0].cameo.startswith(code), f"{text!r}: {code} expected at {word!r}, got {seen}"

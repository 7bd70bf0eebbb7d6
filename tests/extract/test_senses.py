"""Senses decided by a trigger's arguments (extract.senses, resources/cameo/senses.tsv)."""
import pytest

import dateline
from dateline.extract.senses import senses


def codes(text):
    return [(e.cameo, e.trigger.text) for e in dateline.analyze(text, published="2021-03-05").events]


@pytest.mark.parametrize("text,kept,gone", [
    # offer: something one party gives another, not content or a quality
    ("Chile offered aid to Peru on Monday.", "03", None),
    ("Chile offered Peru a deal on the border dispute.", "030", None),
    ("The governor offered an apology to the pastor on Monday.", "055", None),
    ("Two analysts offered campaigns some tips on turnout this week.", None, "offered"),
    ("The mayor offers patience instead of anger.", None, "offers"),
    # blame: a party accused, not a cause; "is to blame" is no accusation
    ("Chile blamed Peru for the attack on Monday.", "112", None),
    ("Farmers may blame tariffs for the poor harvest, but the weather is the cause.", None, "blame"),
    ("The drought is partly to blame for the poor harvest.", None, "blame"),
    ("Police blamed the bombing on the rebels.", "112", None),
    ("Peru blamed itself for the failure.", "112", None),
    ("The farmers blame the state for the drought relief delays.", "112", None),
    ("The rioting was blamed on an anarchist fringe.", "112", None),
    # fight: armed force, not a struggle in court or to keep something
    ("Rebels were fighting government troops near the border on Monday.", "19", None),
    ("The girl's aunt is fighting to keep her in Ohio.", None, "fighting"),
    ("Troops fought to retake the town on Monday.", "190", None),
    ("The army fought a fierce battle with rebels on Monday.", "190", None),
    ("The aunt is fighting in the courts for custody of the girl.", None, "fighting"),
    # seize on an argument is no seizure; "seized on Monday" is
    ("Police seized on Monday a truck full of rifles.", "17", None),
    ("Officials seized on Tuesday 40 kilos of cocaine.", "17", None),
    ("Critics will seize on the remark as proof of weakness.", None, "seize"),
    # a court appeal is legal action
    ("Chile appealed to the International Court of Justice on Monday.", "115", None),
    # "continued to" + verb: the infinitive's verb is the event
    ("The senators continued to block his efforts on Monday.", None, "continued"),
    # a vow to obstruct threatens, it offers no cooperation
    ("Protesters vowed they would block any attempt to evict them.", "13", None),
    # a charge in words after a quotation is an accusation
    ('"You broke every promise," the senator charged on Monday.', "112", None),
    ("Prosecutors charged the mayor with fraud on Monday.", "17", None),
    # a price charged, a rush, an argument, an election won, a reward offered: no event of those codes
    ("The firm charged the campaign 3 million dollars for the flights.", None, "charged"),
    ("Police charged the man with stealing a 500 dollars guitar.", "17", None),
    ("Professor Smith blames angry youths for the violence.", "112", None),
    ("He charged into the crowd of reporters.", None, "charged"),
    ("The two factions have been fighting about the budget for weeks.", None, "fighting"),
    ("Polls show Smith beating Jones in the primary next week.", None, "beating"),
    ("Rebels beat two soldiers to death on Monday.", "18", None),
    ("A total of 50,000 dollars is being offered for news of the fugitive.", None, "offered"),
    # a rule conformed to is no yielding to a party
    ("Visitors must conform to local customs.", None, "conform"),
    # a danger threatens, no party does; a party's threat stays
    ("The hurricane threatened the coast on Tuesday.", None, "threatened"),
    ("The militia threatened reporters in the town on Monday.", "13", None),
    # shooting down a proposal rejects it; an aircraft shot down is force
    ("The senator shot down the proposal on Tuesday.", "12", None),
    ("Syria shot down a Turkish jet on Tuesday.", "19", None),
    # a thing fulfilled is met, no party: commitments, targets (active or passive)
    ("Even if all the pledges are met, emissions will keep rising, the minister said.", None, "met"),
    ("The company met its targets last year.", None, "met"),
    ("The president met with the prime minister in Paris on Monday.", "040", None),
    ("The envoy met the rebels' leaders on Tuesday.", "040", None),
    # flags or rumours flying, an audience clapping: no visit, no praise
    ("Flags flew at half-staff over the town hall on Friday.", None, "flew"),
    ("The minister flew to Paris on Monday for talks.", "042", None),
    ("The crowd applauded the president in Ohio on Monday.", None, "applauded"),
    ("The senator applauded the ruling on Monday.", "051", None),
    # a thing made public is released, no person set free; skeet is shot, no person
    ("A study to be released this week by three economists shows losses.", None, "released"),
    ("Rebels released two soldiers on Monday.", "0841", None),
    ("Police released the suspect on Friday.", "0841", None),
    ("Rebels released the hostages on Monday.", "0841", None),
    # challenges faced are no fight
    ("Republicans also face challenges in making an argument to voters next year.", None, "face"),
    ("Men were drinking beer after shooting skeet at the club.", None, "shooting"),
    # a number that shot up, a retort shot back in an article: no shooting
    ("The odds of a recount have shot up in the past week.", None, "shot"),
    ("The mayor shot back in an article on Monday.", None, "shot"),
    # a campaign's rally, support rallied behind a candidate, a push beaten back, a nominee stalled: no
    # protest, no assault, no blockade; a rally against a measure stays a protest
    ("Her backers will rally behind her in the fall.", None, "rally"),
    ("Lopez spoke at a Nevada rally on Friday before the caucus.", None, "rally"),
    ("Lopez rallied voters in Utah before the primary.", None, "rallied"),
    ("Hundreds of nurses rallied against the pay freeze on Monday.", "14", None),
    ("Her supporters held a rally in the capital on Monday supporting her bid in the election.", "14", None),
    ("Her aides continued to beat back the push for a rival at the convention.", None, "beat"),
    ("The Senate blockade against the nominee has lasted nine months.", None, "blockade"),
    # an appeal to an audience, or someone's appeal with nothing asked, is an attraction; one before a
    # court is legal action
    ("The senator hopes to appeal to younger voters in the suburbs.", None, "appeal"),
    ("Her broad appeal among suburban women worried the rival camp.", None, "appeal"),
    ("The mayor appealed to residents to stay indoors on Monday.", "020", None),
    ("The mayor flew to Rome to appeal directly to the Pope.", "020", None),
    ("Peru said its appeal was pending before the court.", "115", None),
    # things that arrive or tour make no visit; people and their delegations do
    ("Thousands of letters have arrived at the embassy since Monday.", None, "arrived"),
    ("The first batch of test results arrived at the lab on Friday.", None, "arrived"),
    ("The play toured Europe last year.", None, "toured"),
    ("Hundreds of supporters arrived in Lima on Monday.", "042", None),
    ("A delegation of Chinese officials arrived in Lima on Monday.", "042", None),
    ("The prime minister arrived in Paris on Monday.", "042", None),
    ("The girl's mother, Ana Ruiz, arrived in Miami on Monday.", "042", None),
    # a danger named as a passive's agent, or by a relative pronoun's noun, threatens no one; a party does
    ("Many farmers feel threatened by rapid change in their valleys.", None, "threatened"),
    ("The town was threatened by rebels on Monday.", "13", None),
    ("The storm, which threatened the coast, moved north.", None, "threatened"),
    ("Fuel prices, much of which had shot up last winter, are falling.", None, "shot"),
    ("A doctor was shot by a sniper in his home on Friday.", "18", None),
    # a thing shown is no protest; a thing secured is no one jailed
    ("The survey results demonstrated the depth of public anger.", None, "demonstrated"),
    ("Thousands demonstrated against the dam in the capital on Sunday.", "14", None),
    ("The governor has locked up endorsements from the mayors of the state.", None, "locked"),
    ("Police locked up the protest leaders on Friday.", "17", None),
    # a deal struck is an agreement, however many words stand between
    ("The firm struck a provisional three-year labor agreement with the unions on Friday.", "057", None),
    ("Jets struck rebel positions near the border on Monday.", "19", None),
    # a rally that is only where another act happened; a preposition of protest blocks only as the rally's own
    ("She insisted at a rally in Ohio on Wednesday that she is still in the race against Lopez.", None, "rally"),
    ("Speaking at a rally in Iowa, the senator praised the farmers.", None, "rally"),
    ("Students held a rally against tuition increases on Monday.", "14", None),
    # an appeal to a people's plural name is an attraction; a court appeal is legal action
    ("The mayor hopes to gain ground by appealing to younger African Americans such as Lopez.", None, "appealing"),
    ("Officials are awaiting the outcome of a federal court appeal by Mexico.", "115", None),
    # a vow to carry on one's own course offers no one anything; a vow of aid does
    ("The senator vowed to keep campaigning until the convention.", None, "vowed"),
    ("The governor pledged to stay in the race despite the loss.", None, "pledged"),
    ("Chile promised to provide aid to Peru.", "03", None),
    # a thing's prospect is no pledge
    ("Rising costs promise to squeeze family budgets next year.", None, "promise"),
    # support rallied is no protest; workers rallying outside parliament protest
    ("The mayor is rallying a coalition of unions against the plan.", None, "rallying"),
    ("She greeted 3,000 supporters at a loud rally in Denver on Friday night.", None, "rally"),
    ("Thousands of workers rallied outside parliament on Monday.", "14", None),
    # a contest for a post or votes is no armed fight
    ("Jones and Brown are fighting for second place behind Smith.", None, "fighting"),
    # a thing talked up is praised, nobody consulted
    ("His wife is talking up his record on jobs.", None, "talking"),
    # an adverbial of time holds no object of the verb before it
    ("The agency opened a program in 2002, which the police began shortly after the 2001 attacks in the capital.",
     None, "began"),
    # a particle of a verb that takes no object follows it: a speech given in a city is no yielding
    ("Instead he gave a speech in Denver in which he outlined his plan.", None, "gave"),
    ("The party gave in to the demands of the unions on Monday.", "08", None),
    # an opinion agreed is no intent to cooperate; an act agreed is
    ("But most senators agreed they had no real recourse at this point.", None, "agreed"),
    ("The two countries agreed they would hold talks in May.", "036", None),
    # a worry voiced as a clause is a comment; raised with a party, a consultation
    ("Several mayors raised concern that the plan would raise rents.", "012", None),
    ("The envoy raised concerns with China about the deal on Monday.", "040", None),
    # common ground sought is no investigation
    ("The judges are doing what they can to find common ground.", "030", None),
    # a manner struck is no attack
    ("It was important for the party to strike a tough stance on trade.", None, "strike"),
    ("Jets struck rebel positions near the border on Monday.", "19", None),
    # a mode of transport is no visit
    ("Air travel is one of the largest costs of the campaign.", None, "travel"),
    # money given to a political contest is no aid
    ("The pattern shows up again in the donations to Smith's PAC in June.", None, "donations"),
    # a push in politics is no military offensive
    ("The minister's gun-control offensive is a preview of the fall campaign.", None, "offensive"),
    ("Rebels launched an offensive against the army on Monday.", "19", None),
    # a vote count is no party's ties; a rally only when an act happened is no protest
    ("Some states remained too close to call.", None, "remained"),
    ("Smith coined the phrase during a Saturday rally in Ohio.", None, "rally"),
    # a thing shown is no protest; a protest takes no object
    ("We need someone who has demonstrated they have an open mind.", None, "demonstrated"),
    ("Hundreds of students demonstrated in front of the embassy on Monday.", "14", None),
    ("Smith flew to Kenya to demonstrate American support after the bombings.", None, "demonstrate"),
    # "thanks to": because of
    ("He hopes to win the seat thanks to the family name.", None, "thanks"),
    ("The mayor thanked the workers on Monday.", "051", None),
    # a subject that names a person in either number is a party (the lists give some nouns in one only)
    ("The defendant threatened a witness on Monday.", "13", None),
    ("The pirate threatened the ship's crew on Monday.", "13", None),
    ("Rising costs threatened the harvest this year.", None, "threatened"),
    # a poll's margin is no assault
    ("Jones would beat him 53 percent to 36 percent, the poll found.", None, "beat"),
    # a mishap kills, no party assaults; a weapon's or a party's killing stays
    ("The girl survived a ferry wreck that killed her brother and nine others off Chile in May.", None, "killed"),
    ("Rebels killed six soldiers in Kabul on Monday.", "18", None),
    # a demonstration of how something is: an illustration, no protest
    ("The loss was another demonstration of how hard it is for the governor to win rural votes.", None,
     "demonstration"),
    ("Farmers held a demonstration against the government in Lima on Monday.", "14", None),
    # an assault on liberties is a figure of speech
    ("The senator said this is an assault on the rights and liberties of all Peruvians.", None, "assault"),
    # an appeal filed is legal action
    ("Chile is waiting out an appeal filed by Peru's government in May.", "115", None),
    # a reaction invited, an admission conceded: no invitation, no yielding
    ("It was a remark he made again and again, inviting ridicule from the governor of Ohio.", None, "inviting"),
    ("Peru invited Chile to talks on Monday.", "026", None),
    ("Peru's advisers privately conceded that it had been a difficult night.", None, "conceded"),
    ("Peru conceded defeat in the election on Monday.", "08", None),
    # a bare plural of trips is a kind of journey; a trip of someone's is one
    ("The boy loves bicycles and trips to the United Nations more than books.", None, "trips"),
    ("The groups gave members of Peru's congress hundreds of free trips to Chile.", "042", None),
    ("Chile's president arrived in Peru on Monday.", "042", None),
    # a trip home or back is a return, no visit to a host
    ("Chile's president flew home on Monday after the summit.", None, "flew"),
    ("Chile's envoy travelled back to Santiago on Monday.", None, "travelled"),
    ("Chile's president flew to Peru on Monday.", "042", None),
    # restrictions imposed by no party; an arrival as a refugee is no visit
    ("Those tariffs are imposed by the give and take of trade between Peru and Chile.", None, "imposed"),
    ("Her aunt, who arrived in Peru as a refugee in 1961, backs the plan of Chile's president.", None, "arrived"),
    # attacks in tweets are words
    ("Peru's president rushed out tweet attacks, while Chile's president pushed policy proposals.", "111", None),
    # how a people feels judges nothing
    ("The mayor of Lima said that she feels the Chilean people are getting tired of the story.", None, "said"),
])
def test_argument_senses(text, kept, gone):
    got = codes(text)
    if kept:
        assert any(c.startswith(kept) for c, _ in got), got
    if gone:
        assert all(t.split()[0] != gone for _, t in got), got


def test_rows_read():
    table = senses()
    assert {"offer", "offered", "blame", "fighting", "seize", "charged"} <= set(table)
    assert all(s.action == "---" or s.action.isdigit() for rows in table.values() for s in rows)


@pytest.mark.parametrize("text,trigger,code", [
    # a person shot, a building bombed with no armed party named: assault (18), not military force (19)
    ("The pharmacist was shot with a rifle in his shop on Monday.", "shot", "180"),
    ("Police shot a teenager in the street on Monday.", "shot", "180"),
    ("The attacks on the ferry terminal in Oslo killed 12 people on Tuesday.", "attacks", "180"),
    ("The hunter fired the bullet that killed the ranger.", "fired", "180"),
    # an armed party or arms named: military force stays
    ("Rebels attacked the army base on Monday.", "attacked", "19"),
    ("Norwegian jets attacked the port on Monday.", "attacked", "19"),
    ("Chile attacked Peru on Monday.", "attacked", "19"),
    ("Soldiers shot at the rebels near the border on Monday.", "shot", "19"),
    ("A robber shot two guards at the bank on Monday.", "shot", "180"),
    # an attack in words on a party, in a campaign or the media: criticism (111)
    ("Rivals attacked the governor in the media on Monday.", "attacked", "111"),
    ("Several rivals have attacked Jones from all sides this week, calling him a fraud.", "attacked", "111"),
    # an attack launched in words at a party: the object names the attack, its "against" phrase the party
    ("At a press conference on Monday, Lopez launched a fierce attack against his rival Smith, calling him a liar.",
     "launched", "111"),
    ("Rebels launched an attack against the army base on Monday.", "launched", "19"),
    # an attack whose adjective makes it one in words: criticism, after the unarmed reading (180)
    ("The Republican National Committee has come under withering attack in recent days from Donald Trump.",
     "attack", "111"),
    ("Hillary Clinton launched a blistering attack on Donald Trump in a speech on Monday.", "launched", "111"),
    ("Rebels launched a fierce attack on the army base on Monday.", "launched", "19"),
    # the thing attacked is a stance, a claim or a quality: an attack in words
    ("Some of his critics attacked her reading skills last week.", "attacked", "111"),
    ("The mayor attacked the governor's budget plan on Monday.", "attacked", "111"),
    ("Opponents attacked his record on taxes in a mailing.", "attacked", "111"),
    ("Gunmen attacked the police station on Monday.", "attacked", "19"),
    ("Troops attacked rebel positions in the north on Monday.", "attacked", "19"),
])
def test_armed_and_verbal_senses(text, trigger, code):
    got = [c for c, t in codes(text) if t.split()[0] == trigger]
    assert got and got[0].startswith(code), codes(text)


@pytest.mark.parametrize("text,trigger,code", [
    # making certain of a state of things as the purpose of another act is no promise (0332)
    ("Ghana called for the deployment of Togolese troops to ensure security along the border.", "ensure", None),
    ("Chile sent police to ensure calm in the capital on Monday.", "ensure", None),
    ("The mission should focus on rebuilding the port and ensuring the security of the crews.", "ensuring", None),
    # ... a pledge, appeal or demand to ensure it is one
    ("Peru pledged to ensure the security of the border.", "ensure", "03"),
    ("Peru urged Chile to ensure security in the camps.", "ensure", "02"),
    # praise offered is praise, not an offer to cooperate
    ("The senator offered her congratulations to the governor on Monday.", "offered", "051"),
    # nothing agreed to: an opinion shared at most
    ("Peru and Chile agreed.", "agreed", None),
    ("Peru agreed to the border plan on Monday.", "agreed", "03"),
    # advice against an act is no threat to do it
    ("Ghana warned against imposing sanctions on Togo.", "warned", "012"),
    # a topic spoken of is no consultation
    ("Pundits say the new report renders talk of a wall moot.", "talk", None),
    ("Peru talked with Chile about trade on Monday.", "talked", "040"),
    # carrying on one's own course offers no one anything, a quotation mark before it or not
    ("The senator vowed to \u201ckeep campaigning\u201d until the convention.", "vowed", None),
    # a delegation led abroad is a visit
    ("The speaker led a delegation to four countries last week.", "led", "042"),
    # a constituency rallied is support gathered, no protest
    ("The senator plans to rally her party's electorate.", "rally", None),
    # a score level in a contest is no cooperation
    ("A new poll shows the two senators are tied in the state.", "tied", None),
    ("The mayor tied his rival in the county caucuses.", "tied", None),
    # delegates bound to a candidate: no pledge made
    ("The senator has won a majority of the regular, pledged delegates.", "pledged", None),
    # money gathered for a political contest is no appeal for aid
    ("The governor raised money for a Senate candidate in Ohio last year.", "raised", None),
    ("Several parties scrambled to raise campaign cash in May.", "raise", None),
    # a thing needed is no appeal; a party needed to act is
    ("The turnout stayed below the level needed to validate the result.", "needed", None),
    ("Ghana needs a solution to the dispute with Togo, its president said.", "needs", None),
    ("Ghana needs Togo to withdraw its troops.", "needs", "02"),
    # effort spent on a course of one's own is no economic cooperation
    ("The senator's camp is investing for a long contest with his rival.", "investing", None),
    # a craft or a thing in the air is no party visiting
    ("Cameras on masts and drones flying overhead now watch the border.", "flying", None),
    # an attraction to an audience asks nothing
    ("Smith's appeal to working-class whites is limited.", "appeal", None),
])
def test_senses_of_intent_and_speech_words(text, trigger, code):
    got = [c for c, t in codes(text) if t.split()[0] == trigger]
    assert (got[0][:len(code)] if got else None) == code, codes(text)

from __future__ import annotations

import pytest

from mockint.models import Transcript
from mockint.scoring import score_answer
from mockint.scoring.config import CoverageConfig, ScoringConfig
from mockint.scoring.coverage import coverage
from tests.unit.scoring.helpers import parse, question

ANSWER = (
    "First the browser resolves the domain with a DNS lookup. "
    "Then it opens a TCP connection. "
    "Finally the browser renders the page."
)


@pytest.mark.parametrize(
    ("point", "covered"),
    [
        ("DNS lookup of the domain", True),
        ("TCP connection", True),
        ("the browser renders the page", True),  # "renders" ~ "rendering"
        ("rendering the page", True),
        ("HTTP caching headers", False),
        ("", False),
    ],
)
def test_key_points(point: str, covered: bool) -> None:
    tokens, sentences = parse(ANSWER)
    report = coverage([point], tokens, sentences, ScoringConfig())
    assert report.points[0].covered is covered
    assert report.covered == int(covered)


def test_evidence_is_the_best_sentence() -> None:
    tokens, sentences = parse(ANSWER)
    (point,) = coverage(["TCP connection"], tokens, sentences, ScoringConfig()).points
    assert point.evidence == "Then it opens a TCP connection."
    assert point.sentence == 1


def test_threshold_is_configurable() -> None:
    tokens, sentences = parse(ANSWER)
    strict = ScoringConfig(coverage=CoverageConfig(threshold=1.0))
    report = coverage(["DNS lookup and HTTP caching"], tokens, sentences, strict)
    assert not report.points[0].covered
    assert report.missing == ("DNS lookup and HTTP caching",)


@pytest.mark.parametrize(
    ("point", "answer", "covered"),
    [
        ("my current role", "Right now, I work at Northwind, where I build billing tools.", True),
        ("my current role", "Yeah so I'm a primary teacher at Oakfield, six years now.", True),
        ("so they could do it themselves", "I wrote it down so she could do it herself.", True),
        ("spoke to them privately", "I asked for fifteen minutes in our one on one.", True),
        ("showed the data", "I pulled the numbers from the dashboard for her.", True),
        ("my notice period", "I noticed the area was messy and cleaned it.", False),
        ("my notice period", "My notice period is four weeks.", True),
        ("contacted the parents", "I didn't contact the parents at that point.", False),
        ("showed the data", "They liked my work and said so.", False),
        # Phrased as the bundled banks phrase them.
        ("talk to them privately afterwards", "After the meeting I took him aside.", True),
        ("tell my manager", "My manager told me to carry on.", False),
        ("listened to their concerns", "I listened to the radio on the way in.", False),
        ("found the root cause", "I found the spreadsheet in the shared drive.", False),
        ("delivered on time", "I was on time for every shift.", False),
        ("my salary expectations", "I expect the team to be supportive.", False),
        # The point's rating and its light verb need not be said: the noun or verb is the point.
        ("kept a record", "I recorded it in the handover book.", True),
        ("stayed calm", "I was calm and let him finish.", True),
        ("escalated appropriately", "I flagged it to my supervisor the same morning.", True),
        ("relevant experience", "I have six years of experience in care homes.", True),
        ("apologised promptly", "I said sorry to her straight away.", True),
        ("used evidence", "I brought the figures as evidence.", True),
        # A near-miss shares a word, not the point.
        ("kept a record", "My manager kept asking what happened.", False),
        ("stayed calm", "I stayed late to finish the rota.", False),
        ("escalated to a manager", "My manager was on holiday that week.", False),
        ("relevant experience", "It was a relevant point, I thought.", False),
        ("contacted the family", "The family were already on the ward.", False),
        ("used evidence", "I used the big meeting room.", False),
        # Negated mentions do not count.
        ("kept a record", "I didn't record anything.", False),
        ("apologised promptly", "I never said sorry, to be honest.", False),
        ("stayed calm", "I wasn't calm at all.", False),
        # A bank's "X or Y": either side covers it, each side judged with the shared words.
        ("called or escalated it", "I escalated it to the on-call doctor using SBAR.", True),
        ("did their obs or observations", "I checked his observations again at six.", True),
        ("showed them or explained it", "I showed her how I plan the round.", True),
        ("involved parents or colleagues", "My colleagues said his parents were away.", False),
        ("involved parents or colleagues", "I involved his parents that evening.", True),
        ("called or escalated it", "I didn't escalate it that night.", False),
    ],
)
def test_paraphrases_count_and_a_shared_word_does_not(
    point: str, answer: str, covered: bool
) -> None:
    tokens, sentences = parse(answer)
    (judged,) = coverage([point], tokens, sentences, ScoringConfig()).points
    assert judged.covered is covered
    assert judged.text == point


def test_story_points_follow_the_star_analysis() -> None:
    """ "the outcome" is ticked exactly when the Result is found: never ✔ beside ✘."""
    q = question(key_points=("the outcome", "a specific example"))
    told = "At my last job the queue was three days long. I rewrote the triage rules."
    for text in (told, told + " The queue went down to four hours within a month."):
        report = score_answer(Transcript.from_text(text), q)
        assert report.structure is not None and report.coverage is not None
        outcome = report.coverage.points[0]
        assert outcome.judged_by == "result"
        assert outcome.covered is report.structure.parts["result"].present
        if outcome.covered:
            assert outcome.evidence in report.structure.parts["result"].evidence


def _covered(point: str, answer: str, asked: str = "") -> bool:
    tokens, sentences = parse(answer)
    (judged,) = coverage([point], tokens, sentences, ScoringConfig(), question=asked).points
    return judged.covered


@pytest.mark.parametrize(
    ("point", "answer", "covered"),
    [
        # The candidate's doing is not said by someone else doing it.
        ("stayed calm", "He was calm again by the time the manager came.", False),
        ("stayed calm", "I was calm and let him finish.", True),
        ("checked the dose", "She kept checking the dose on her phone.", False),
        ("checked the dose", "I checked the dose against the chart.", True),
        ("what I learned", "It's all about whether you learn from it.", False),
        ("what I learned", "What I learned was to ask for help earlier.", True),
        # Only the point's verb is the candidate's: its objects may be anyone's.
        ("respected the tenant's decision", "I respected it, it was his decision.", True),
    ],
)
def test_someone_elses_doing_is_not_the_candidates(point: str, answer: str, covered: bool) -> None:
    assert _covered(point, answer) is covered


@pytest.mark.parametrize(
    ("point", "answer", "covered"),
    [
        # A particular one is not named by a habit, a hypothesis or a plural.
        ("a specific complaint", "I deal with complaints all the time.", False),
        ("a specific complaint", "Complaints usually come in on Mondays.", False),
        ("a specific complaint", "Last May a tenant made a complaint about the heating.", True),
        ("a real mistake", "If I made a mistake, I would own it.", False),
        ("a real mistake", "I made a mistake with the rota in my first month.", True),
        # "this company" is the one interviewing, not "a logistics company" or companies.
        ("why this company", "I spent four years at a logistics company.", False),
        ("why this school", "Schools always need science teachers.", False),
        ("why this company", "This company builds the tools I already use every day.", True),
        # "my manager" is one person: not "the managers".
        ("told my manager", "I told the managers on the floor.", False),
        ("told my manager", "I told my manager on the floor.", True),
    ],
)
def test_a_particular_thing_needs_one_named(point: str, answer: str, covered: bool) -> None:
    assert _covered(point, answer) is covered


@pytest.mark.parametrize(
    ("point", "answer", "covered"),
    [
        # A point that only names the question's topic is not said by echoing the topic.
        ("what I learned", "Everyone makes mistakes, you always learn.", False),
        ("what I learned", "I learned to read the rota twice before I send it.", True),
        ("the budget I had", "Budgets are a big part of my job every day.", False),
        ("the budget I had", "The budget was forty thousand for the whole refit.", True),
    ],
)
def test_echoing_the_question_is_not_the_point(point: str, answer: str, covered: bool) -> None:
    asked = "Tell me about a time you worked to a budget and what you learned."
    assert _covered(point, answer, asked) is covered


@pytest.mark.parametrize(
    ("point", "answer", "covered"),
    [
        # Telling a senior is escalating, but raising it is not telling the tenant.
        ("told the tenant", "I raised it with the housing officer. The tenant was moved.", False),
        ("escalated it", "I told my supervisor straight away.", True),
        ("informed the tenant", "I rang the tenant and let them know the date.", True),
        # Two words of one meaning are one idea: "senior manager" is not two words said.
        ("escalated to a senior manager", "The senior manager was away on leave.", False),
        # Words close in spelling are other words; inflections and long typos are the same.
        ("told the client", "The old client file was missing.", False),
        ("sent the form", "I set the form aside for later.", False),
        ("received the invoice", "I recieved the invoice on the Monday.", True),
        ("listened to the caller", "Listening to the caller, I took notes.", True),
        ("qualifications", "I am post-qualification by three years.", True),
        # A school's lesson is not a lesson learned.
        ("what I learned", "After the lesson I marked the books.", False),
        ("what I learned", "The big lesson for me was to ask early.", True),
        # Light verbs in any form need not be said.
        ("stay calm", "I would keep calm and let him finish.", True),
        # A day names a date, but a point's own day is that day.
        ("finished by the Friday deadline", "We finished the job on Saturday morning.", False),
        ("finished by the Friday deadline", "We finished it on Friday, just in time.", True),
        ("agreed a start date", "We agreed I would start on Monday the 3rd.", True),
        # Asking or meeting someone is talking to them, not the other way round.
        ("spoke to my manager", "I asked my manager for ten minutes that afternoon.", True),
        ("asked my manager for feedback", "I spoke to my manager about the rota.", False),
        ("asked my manager for feedback", "I asked my manager for feedback on the talk.", True),
        ("met the deadline", "I talked to the client about the deadline.", False),
        ("asked about the team", "How big is the team I would join?", True),
    ],
)
def test_word_senses_and_forms(point: str, answer: str, covered: bool) -> None:
    assert _covered(point, answer) is covered


@pytest.mark.parametrize(
    ("point", "answer", "covered"),
    [
        # A group's word in another form says the group.
        ("apologised to the tenant", "Apologising to the tenant was the first thing I did.", True),
        # A question the candidate asks says "asked".
        ("asked about the rota", "How does the rota work over Christmas?", True),
        ("asked about the rota", "The rota works well over Christmas.", False),
        # A phrase with a pronoun inside; a phrase of the point is one idea with its group.
        ("spoke to him privately", "I kept him back after the meeting to talk.", True),
        ("my background before that", "I started out in retail on the tills.", True),
        # Compounds written apart or hyphenated.
        ("wrote a follow-up email", "I wrote a follow up email that night.", True),
        ("did the handover", "I did the hand over to nights at eight.", True),
        # Writing down records it; passing it to someone reports it.
        ("recorded what was said", "I wrote down what she said, word for word.", True),
        ("reported it to the lead", "I passed it on to the lead nurse.", True),
        # A phrase of the point is one idea: "next steps" is not "next" and "steps" said.
        ("asked about next steps", "I think that is the right next step for me.", False),
        # Everyday equivalents.
        ("explained the policy", "I explained the rule on refunds to him.", True),
        ("the customer was satisfied", "The customer was really happy with it.", True),
        ("contacted the depot", "I radioed the depot from the cab.", True),
        ("kept the family informed", "I updated the family every evening.", True),
        ("followed the refunds policy", "I gave it back in line with our refunds process.", True),
        # Saying what one is says it is current; a past job is not.
        ("my current role", "I'm a porter at the Royal, on days.", True),
        ("my current role", "Before that I was a porter at the Royal.", False),
        ("my current role", "I've been a porter at the Royal for two years.", True),
        # Saying what one does now: a present-tense job verb, or "these days" (a phrase's
        # word is not a plural); wanting to do it is not a role.
        ("my current role", "Currently I run the front desk at a hotel in Leeds.", True),
        ("my current role", "These days I manage the stockroom at a garden centre.", True),
        ("my current role", "At the moment I look after the reception at a vet's.", True),
        ("my current role", "One day I'd like to run a front desk of my own.", False),
        # What one looks for is not what one has; what one wants next may be looked for.
        ("my current role", "Now I am looking for work in a hospital.", False),
        ("my current role", "At the moment I'm applying for jobs in retail.", False),
        ("my current role", "Right now I work at a bakery, looking for more hours.", True),
        ("a job on a children's ward", "So I'm looking for a job on a children's ward.", True),
        ("my earliest start date", "I could start the first Monday in March.", True),
        ("positive about my employer", "The firm has been good to me.", True),
        # A stop word is not a word of the point in another form: "noted" is not "not".
        ("noted the time", "It was not my shift, so I checked the time.", False),
    ],
)
def test_forms_phrases_and_equivalents(point: str, answer: str, covered: bool) -> None:
    assert _covered(point, answer) is covered


def test_a_result_point_asking_for_a_measure_needs_a_figure() -> None:
    q = question(key_points=("measured the result",))
    told = "At my last job the queue was three days long. I rewrote the triage rules."
    vague = score_answer(Transcript.from_text(told + " It felt like a big success."), q)
    exact = score_answer(Transcript.from_text(told + " The queue fell to four hours."), q)
    assert vague.coverage is not None and exact.coverage is not None
    assert vague.structure is not None and vague.structure.parts["result"].present
    assert not vague.coverage.points[0].covered
    assert exact.coverage.points[0].covered


PAY = "What are your salary expectations?"
NOTICE = "What is your notice period?"


@pytest.mark.parametrize(
    ("point", "answer", "asked", "covered"),
    [
        # In an answer about pay a figure is a salary, and two joined are a range.
        ("my current salary", "I'm on twenty-nine at the moment.", PAY, True),
        ("my current salary", "Right now I get 2,400 a month.", PAY, True),
        ("a salary range", "Similar posts pay 31 to 34, so about there.", PAY, True),
        ("a figure or range", "Somewhere between forty and forty-four thousand.", PAY, True),
        ("my current salary", "I'm happy where I am at the moment.", PAY, False),
        ("a salary range", "I'd hope for something fair for the role.", PAY, False),
        # Elsewhere a figure is no salary and "from 40 to 25" no range.
        ("my current salary", "Right now I do 40 calls a day.", "Tell me about yourself.", False),
        (
            "a salary range",
            "We cut it from 40 to 25 minutes.",
            "Describe a change you made.",
            False,
        ),
        # In an answer about notice a span of weeks or months is the notice period.
        ("my notice period", "I'm contracted to four weeks at the depot.", NOTICE, True),
        ("my notice period", "I'm on a month, so I could start in March.", NOTICE, True),
        ("my notice period", "I have to give them 6 weeks.", NOTICE, True),
        # Noticing, leave, a start date, or a span elsewhere is not.
        ("my notice period", "I noticed the advert says immediate start.", NOTICE, False),
        ("my notice period", "I've got a week booked off at Christmas.", NOTICE, False),
        ("my notice period", "I've worked there for six months.", "Tell me about yourself.", False),
    ],
)
def test_a_figure_in_an_answer_about_pay_or_notice(
    point: str, answer: str, asked: str, covered: bool
) -> None:
    assert _covered(point, answer, asked) is covered


@pytest.mark.parametrize(
    ("point", "answer", "covered"),
    [
        # "Not in front of" says privately: that "not" negates nothing after it.
        ("spoke to them privately", "I talked to him later, not in front of the others.", True),
        ("spoke to them privately", "I had a quiet word with her at the end of the shift.", True),
        ("spoke to them privately", "I spoke to her away from the others.", True),
        ("spoke to them privately", "I spoke to him in front of the whole team.", False),
        ("spoke to them privately", "I didn't have a quiet word with him, I left it.", False),
        # Letting them talk is listening; finding something hard names a weakness, and
        # what one is not good at is not done.
        ("listened to him", "I let him finish before I said anything.", True),
        ("a real weakness", "I find it hard to say no to extra work.", True),
        ("a real weakness", "I'm not good at delegating, so I do it all myself.", True),
        ("delegated the work", "I'm not good at delegating the work.", False),
        ("listened to him", "I didn't let him finish, I cut in.", False),
        # Noting it down or taking photos documents it.
        ("documented the damage", "I took photos of the damage before I touched it.", True),
        ("recorded the readings", "I jotted down the readings every hour.", True),
        ("documented the damage", "The customer showed me photos of her old kitchen.", False),
        # Writing down their own words is recording them accurately.
        ("recorded accurately", "I wrote down exactly what she told me.", True),
        ("recorded accurately", "I noted it in their own words with the time.", True),
        ("recorded accurately", "I wrote down roughly what happened later on.", False),
        # Years in a job, or having worked as one, is experience.
        ("relevant experience", "I've spent four years on a busy surgical ward.", True),
        ("years of experience", "Nine years as a mechanic, mostly vans.", True),
        ("relevant experience", "I'm keen to learn and pick things up fast.", False),
        # A degree or a final year is the education.
        ("my education", "I did a history degree at Hull before that.", True),
        ("my education", "I'm in the final year of a nursing course.", True),
        ("my education", "I've worked in shops since I was sixteen.", False),
        # Keeping people posted informs them.
        ("kept the client informed", "I sent updates to the client every morning.", True),
        ("communicated with the team", "I messaged the team as soon as I knew.", True),
        ("kept the client informed", "He sent updates to the client every morning.", False),
    ],
)
def test_everyday_ways_of_saying_a_point(point: str, answer: str, covered: bool) -> None:
    assert _covered(point, answer) is covered


@pytest.mark.parametrize(
    ("point", "answer", "covered"),
    [
        # Finding that something was so, or it turning out so, is finding the cause.
        ("found the root cause", "I found the backup job was running twice a night.", True),
        ("identified the cause", "It turned out the sensor had been fitted backwards.", True),
        ("diagnosed the root cause", "I found the seal had perished on the pump.", True),
        # Finding a thing is not finding a cause.
        ("found the root cause", "I found the invoice in the shared folder.", False),
        ("identified the cause", "I never found out why it kept failing.", False),
    ],
)
def test_a_finding_is_the_cause_found(point: str, answer: str, covered: bool) -> None:
    assert _covered(point, answer) is covered


@pytest.mark.parametrize(
    ("point", "answer", "covered"),
    [
        # Handing it to someone senior escalates it.
        ("escalated to a supervisor", "I went straight to my supervisor with it.", True),
        ("escalate promptly", "I'd tell the head of department the same morning.", True),
        ("escalated it", "I took it to my line manager before lunch.", True),
        ("report to the manager", "I'd report it to the duty manager.", True),
        # The same verbs to anyone else, or the senior person doing it, do not.
        ("escalated to a supervisor", "I told the customer what I could do myself.", False),
        ("escalated to a supervisor", "My supervisor rang me about the rota.", False),
        ("escalated to a manager", "I rang the customer and then the manager rang me.", False),
        ("escalated it", "I didn't tell my manager, I fixed it myself.", False),
    ],
)
def test_a_hand_off_to_someone_senior_escalates(point: str, answer: str, covered: bool) -> None:
    assert _covered(point, answer) is covered


@pytest.mark.parametrize(
    ("point", "answer", "covered"),
    [
        # Asking or bringing others in involves them.
        ("involved senior staff", "I'd ask the head of year to sit in on the call.", True),
        ("involved the team", "I got the whole team together on the Monday.", True),
        # Telling or taking it to someone senior brings them in as well.
        ("involved a supervisor", "I told my supervisor before the end of the shift.", True),
        ("involved the manager", "I took the figures to my manager on Friday.", True),
        # Asking someone else (the team only mentioned after), or not asking, does not.
        ("involved the team", "I asked the customer and then the team said no.", False),
        ("involved the team", "I didn't ask the team, there wasn't time.", False),
        ("involved a supervisor", "My supervisor told me to carry on.", False),
        ("involved the manager", "I told the customer that the manager was away.", False),
    ],
)
def test_asking_others_in_involves_them(point: str, answer: str, covered: bool) -> None:
    assert _covered(point, answer) is covered


@pytest.mark.parametrize(
    ("point", "answer", "covered"),
    [
        # Checking in everyday words, against the records, checks the facts.
        ("checked the facts", "I double-checked the notes from the night shift.", True),
        ("check the evidence", "I'd look up the chart before I rang anyone.", True),
        ("verified the details", "I went back through the statements line by line.", True),
        # Checking something else, or the facts without checking, is not it.
        ("checked the facts", "I checked in with her every morning.", False),
        ("checked the facts", "The facts were all in the file.", False),
        ("checked the facts", "I didn't check the chart, I took his word for it.", False),
    ],
)
def test_checking_in_everyday_words(point: str, answer: str, covered: bool) -> None:
    assert _covered(point, answer) is covered


@pytest.mark.parametrize(
    ("point", "answer", "covered"),
    [
        # Owning up in first-person words takes ownership.
        ("took ownership", "I rang the client and said that one's mine.", True),
        ("owned up to the mistake", "I told my lead it was my mistake.", True),
        ("took responsibility", "I said I'd sort it and gave him my direct line.", True),
        # Denying it, someone else saying it, or "owned" as having, does not.
        ("took ownership", "It wasn't my fault, the system lost the booking.", False),
        ("owned the mistake", "She said it was my mistake.", False),
        ("took ownership", "Nobody owned the stockroom, so it was a mess.", False),
    ],
)
def test_owning_up_takes_ownership(point: str, answer: str, covered: bool) -> None:
    assert _covered(point, answer) is covered


@pytest.mark.parametrize(
    ("point", "answer", "covered"),
    [
        # What one does differently since is what one learned.
        ("what I learned", "No harm done, and I now check the chart on every round.", True),
        ("what I learned", "Since then I label every box before it leaves.", True),
        ("what I learned", "What I took from it is to ask early.", True),
        # Someone else changing, or not learning, is not it.
        ("what I learned", "She now checks the chart on every round.", False),
        ("what I learned", "I never took anything from it, to be honest.", False),
    ],
)
def test_doing_it_differently_since_is_what_one_learned(
    point: str, answer: str, covered: bool
) -> None:
    assert _covered(point, answer) is covered


@pytest.mark.parametrize(
    ("point", "answer", "covered"),
    [
        # Where one means to be later is a career goal.
        ("career goals", "Longer term I'd like to move into a head of year role.", True),
        ("a clear career goal", "In five years I'd like to be running my own ward.", True),
        ("my career goals", "I want to become chartered in the next few years.", True),
        # A vague wish, a plan for tomorrow, or someone else's goal is not.
        ("a clear career goal", "I'd like to be earning more and maybe have a nicer car.", False),
        ("career goals", "I don't really plan that far ahead.", False),
        ("career goals", "She wants to become a director long term.", False),
    ],
)
def test_where_one_means_to_be_is_a_career_goal(point: str, answer: str, covered: bool) -> None:
    assert _covered(point, answer) is covered


@pytest.mark.parametrize(
    ("point", "answer", "covered"),
    [
        # Doing something first, at the end of its clause, prioritises it.
        ("prioritised the urgent deliveries", "I did the timed deliveries first.", True),
        ("prioritised the repairs", "We did the gas repairs first, then the rest.", True),
        ("prioritised the workload", "I gave the workload a priority order.", True),
        # "First" as an ordinal or a time, or not doing it first, is not.
        ("prioritised the urgent deliveries", "In my first week I did the deliveries.", False),
        ("prioritised the urgent deliveries", "First, I loaded the deliveries.", False),
        ("prioritised the urgent deliveries", "I didn't do the deliveries first.", False),
    ],
)
def test_doing_it_first_prioritises_it(point: str, answer: str, covered: bool) -> None:
    assert _covered(point, answer) is covered


@pytest.mark.parametrize(
    ("point", "answer", "covered"),
    [
        # "What you saw" or "what happened" points at the events: the doing is the point.
        ("record what you saw", "I made a note of the time and the till number.", True),
        ("documented what happened", "I wrote it all up in the incident log.", True),
        # Seeing or telling what happened, without recording it, is not.
        ("record what you saw", "I saw him take the money from the till.", False),
        ("record what happened", "I told her what happened and didn't write anything down.", False),
    ],
)
def test_what_happened_points_at_the_events(point: str, answer: str, covered: bool) -> None:
    assert _covered(point, answer) is covered


@pytest.mark.parametrize(
    ("point", "answer", "covered"),
    [
        # Keeping one's voice down, or not panicking, is staying calm.
        ("stayed calm", "I kept my voice low and let him finish.", True),
        ("stayed calm", "I spoke to him in a steady voice through the hatch.", True),
        ("stayed calm", "I didn't panic, I just rang it in.", True),
        # Someone else's voice, or raising one's own, is not.
        ("stayed calm", "He kept his voice low the whole time.", False),
        ("stayed calm", "I raised my voice so he'd hear me.", False),
    ],
)
def test_a_steady_voice_is_staying_calm(point: str, answer: str, covered: bool) -> None:
    assert _covered(point, answer) is covered


@pytest.mark.parametrize(
    ("point", "answer", "covered"),
    [
        # Flexible or negotiable is open to negotiation.
        ("open to negotiation", "If the bonus is strong I'm flexible on base.", True),
        ("open to negotiation", "But it is negotiable, the role matters more to me.", True),
        # Opening something, or refusing to move, is not.
        ("open to negotiation", "I opened the store every morning at six.", False),
        ("open to negotiation", "I'm not flexible on that figure.", False),
    ],
)
def test_flexible_is_open_to_negotiation(point: str, answer: str, covered: bool) -> None:
    assert _covered(point, answer) is covered


@pytest.mark.parametrize(
    ("point", "answer", "covered"),
    [
        # Saying when one can do it is being available.
        ("available weekends", "Weekends are fine, Saturdays and Sundays both.", True),
        ("availability for interviews", "For an interview I can do any afternoon.", True),
        # Doing it, or a start, is not said by it; nor is being unavailable.
        ("when I can start", "I can do days and nights, no problem.", False),
        ("available weekends", "I can't do weekends because of my kids.", False),
    ],
)
def test_saying_when_one_can_is_availability(point: str, answer: str, covered: bool) -> None:
    assert _covered(point, answer) is covered


@pytest.mark.parametrize(
    ("point", "answer", "covered"),
    [
        # A certificate, a degree or a named level is a qualification.
        ("relevant qualifications", "I've got my level 3 diploma in health and social care.", True),
        ("relevant qualifications", "I've done the CIPD level seven.", True),
        # Levels of a building, or lacking one, are not.
        ("relevant qualifications", "We worked on the third level of the car park.", False),
        ("relevant qualifications", "I don't have a degree yet.", False),
    ],
)
def test_a_named_level_is_a_qualification(point: str, answer: str, covered: bool) -> None:
    assert _covered(point, answer) is covered


@pytest.mark.parametrize(
    ("point", "answer", "covered"),
    [
        # A point's doing verb said by an everyday synonym, with its object.
        ("resolve it for the guest", "I'd sort it out for the guest tonight.", True),
        ("proposed a new rota", "I suggested a new rota to the team.", True),
        ("adapted the lesson", "I tailored the lesson to his reading age.", True),
        ("accepted the feedback", "I took the feedback on board and changed my closes.", True),
        # The synonym without the point's object, or negated, is not.
        ("adapted the lesson", "I switched shifts with a colleague.", False),
        ("proposed a new rota", "I didn't suggest a new rota, I left it.", False),
    ],
)
def test_doing_verbs_said_by_their_synonyms(point: str, answer: str, covered: bool) -> None:
    assert _covered(point, answer) is covered

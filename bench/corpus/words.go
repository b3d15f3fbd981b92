package corpus

// Built-in word lists. The names are common given names and surnames of
// varied origin, UK-heavy; combined at random they denote nobody in
// particular.

var firstNames = []string{
	"Oliver", "Amelia", "Harry", "Isla", "George", "Olivia", "Jack", "Emily",
	"Mohammed", "Priya", "Siobhan", "Dafydd", "Aisha", "Callum", "Niamh", "Rhys",
	"Fatima", "Tomasz", "Chloe", "Kwame", "Hannah", "Arjun", "Eilidh", "Declan",
	"Sophie", "Yusuf", "Gemma", "Connor", "Zara", "Ewan", "Bethan", "Kieran",
	"Sarah", "Thomas", "Rebecca", "Daniel", "Nadia", "Samuel", "Lauren", "Imran",
	"Catriona", "Oluwaseun", "Agnieszka", "Hamish", "Megan", "Ravi", "Joanna", "Liam",
}

var surnames = []string{
	"Smith", "Jones", "Patel", "Khan", "O'Brien", "McAllister", "Nowak", "Okafor",
	"Williams", "Taylor", "Davies", "Evans", "Thomas", "Roberts", "Singh", "Begum",
	"Ahmed", "Murphy", "Campbell", "Kowalski", "Nguyen", "Hughes", "Wright", "Walker",
	"Robinson", "Thompson", "Fletcher", "Ali", "MacDonald", "Chaudhry", "Osei", "Llewellyn",
	"Hargreaves", "Smith-Jones", "Fitzgerald", "Mensah", "Sutherland", "Pritchard", "Hussain", "Van der Berg",
}

var titles = []string{"Mr", "Mrs", "Ms", "Dr", "Prof", "Miss"}

var jobTitles = []string{
	"Senior Policy Adviser", "Head of Operations", "Case Officer", "Practice Manager",
	"Data Protection Officer", "Project Lead", "Claims Handler", "Team Leader",
	"Information Governance Lead", "Deputy Director",
}

var orgs = []string{
	"Northfield Borough Council", "the Department", "Riverside Surgery", "Harbour Housing Trust",
	"the Finance Team", "Westgate Primary School", "the Regional Office", "Kestrel Logistics Ltd",
}

var domains = []string{"example.com", "example.org", "example.net", "mail.example.com", "council.example.org"}

// Chat messages with no digits, no '@' and no names.
var chatPlain = []string{
	"running a bit late, sorry",
	"did you get the forms back?",
	"cheers, that's brilliant",
	"lol",
	"can you pick up some milk on the way home",
	"see you at the station",
	"on my way now",
	"has anyone heard from the landlord about the boiler?",
	"I'll sort it tomorrow morning",
	"thanks ever so much for today",
	"the meeting's been moved to after lunch",
	"Will you be around later?",
	"Is it still raining there?",
	"Mark the date in your diary, it's the school fair",
	"the bill came through, it's more than we thought",
	"May as well book the table now",
	"Grace period ends next week apparently",
	"honestly no idea, ask at reception",
	"can't make it tonight, the little one's poorly",
	"yes please 👍",
	"sounds good to me",
	"ok",
	"the train's cancelled again 🙄",
	"I've left the keys with next door",
	"did the letter from the council arrive?",
	"we're at the café by the park",
	"it's in the brown envelope on the table",
	"happy birthday!! 🎉",
	"nah, next time",
	"just got out of the appointment, all fine",
}

// Chat messages with ordinary digits (times, prices, quantities) but no
// personal data.
var chatDigits = []string{
	"be there in 10 mins",
	"it was £25 in the end",
	"train gets in at 17:45",
	"room 4 on the 2nd floor",
	"we need 3 more chairs",
	"parking is £4.50 for 2 hours",
	"bus 38 is running late",
	"meet at 7 instead?",
	"it's flat 2b, buzz twice",
	"only 1 ticket left",
}

// Prose sentences for documents and e-mail bodies, with no digits, no '@',
// no names and no marking words (the clean corpus is built from these).
var prose = []string{
	"The team reviewed the proposal and agreed to proceed with the next phase of work.",
	"Further guidance on the process is available from the intranet pages.",
	"We would be grateful if you could confirm the arrangements by the end of the week.",
	"The panel considered the evidence carefully before reaching its conclusion.",
	"Residents raised concerns about the condition of the communal areas.",
	"A follow-up visit has been arranged to check that the repairs were completed.",
	"The service will continue to monitor demand over the winter months.",
	"Please let me know if anything in the attached summary is unclear.",
	"Staff were reminded of the importance of recording decisions accurately.",
	"The review found that the complaint had been handled in line with policy.",
	"Funding for the scheme has been confirmed for the coming financial year.",
	"The applicant has been asked to supply further supporting documents.",
	"It was noted that the backlog has reduced since the spring.",
	"Officers attended the property and spoke with the tenant.",
	"The report sets out the options and the risks associated with each.",
	"Colleagues across the region have contributed to this update.",
	"The draft will be circulated for comment before it is finalised.",
	"No further action is required at this stage.",
	"The family has been offered support through the local hub.",
	"Training sessions will be scheduled once the new system is in place.",
	"We apologise for the delay in responding to your enquiry.",
	"The contractor has agreed to return and complete the outstanding work.",
	"Minutes of the previous meeting were approved without amendment.",
	"The board welcomed the progress made since the last report.",
	"Any questions about the changes should be raised with your line manager.",
	"Will the new arrangements apply to existing cases as well?",
	"The brown bin collection will move to a fortnightly schedule.",
	"The case was passed to the safeguarding team for assessment.",
	"Feedback from service users has been broadly positive.",
	"The audit highlighted a small number of areas for improvement.",
}

// Look-alike phrases for markings: they must not be reported as applied
// markings.
var markingLookalikes = []string{
	"Staff must comply with the Official Secrets Act at all times.",
	"Don't forget the Secret Santa draw on Friday!",
	"Visitors must not enter the restricted area without an escort.",
	"Gran's top secret recipe for the trifle is finally out.",
	"Access to the car park is restricted during the works.",
	"The official opening has been postponed.",
	"It's no secret that the budget is tight this year.",
	"Protected characteristics are covered in the equality training.",
	"The information is confidential between you and your adviser.",
	"We received an official complaint about the noise.",
}

// Applied markings: (text, own line?).
var markingsLine = []string{
	"OFFICIAL-SENSITIVE",
	"OFFICIAL",
	"OFFICIAL-SENSITIVE PERSONAL",
	"OFFICIAL-SENSITIVE COMMERCIAL",
	"OFFICIAL - SENSITIVE",
	"SECRET",
	"TOP SECRET",
	"SECRET UK EYES ONLY",
	"RESTRICTED",
	"PROTECT - PERSONAL",
	"OFFICIAL SENSITIVE",
	"Official-Sensitive",
}

var markingsSubject = []string{
	"OFFICIAL-SENSITIVE", "OFFICIAL", "OFFICIAL-SENSITIVE: PERSONAL", "OFFICIAL SENSITIVE", "SECRET",
}

// Disclaimer appended to e-mails. It says "confidential" but is not a
// protective marking.
const disclaimer = "This e-mail and any attachments are confidential and intended solely for the addressee. " +
	"If you have received it in error, please notify the sender and delete it. " +
	"Any views expressed are those of the author and do not necessarily represent those of the organisation."

var subjects = []string{
	"Re: case update", "Meeting notes", "Follow up from yesterday", "Housing application",
	"Referral", "Complaint response", "Invoice query", "Action points", "Draft report for comment",
	"Appointment", "Your enquiry", "Weekly update",
}

var logLevels = []string{"INFO", "WARN", "DEBUG", "ERROR"}

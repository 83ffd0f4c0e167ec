// The decision rules: DWP's and people's words for a decision that can be
// challenged by asking for mandatory reconsideration.
import { type Rule, rule } from './rule';
import {
  CLOSED,
  FAMILY,
  HAVE,
  MONEY,
  NEGATIONS,
  NOT_ASKED,
  NOT_MEANWHILE,
  NOT_PENDING,
  NOT_YET,
  notAfter,
  notSoonBefore,
  OTHER_PEOPLE,
  SHORT_DATE,
  UC,
  WHOSE,
} from './words';

export const DECISION_RULES: readonly Rule[] = [
  rule(
    'decided',
    String.raw`\b(?:(?:we|i|the decision maker|a decision maker|dm|uc|dwp)${HAVE} (?:now )?|and )decided\b(?! to (?:invite|book|ask|refer|arrange|contact|call|send|look|review|check|get in touch|(?:make|give|pay|award|approve|offer)(?: you)? (?:a |an |your )?(?:[\w-]+ ){0,2}?(?:hardship|advance|budgeting))|[^.!?\n]{0,60}\b(?:hardship|advance)\b)`,
  ),
  rule(
    'payment-reduced',
    String.raw`\b(?:your|the) (?:joint |single |monthly |next |first )?(?:${UC} |standard allowance |award |money )?(?:payments?|${UC}|award|standard allowance)(?: on [^.!?\n]{1,25})? (?:will|is going to|has|have|is|are|would) (?:now )?(?:be |been )?(?:reduced|stopped|cut|go(?:ing)? down|be £0|£0|nil\b|stop\b|end\b)`,
  ),
  // In plainer words: "my payment will be smaller for 7 days" (not an advance's repayment: MONEY_BACK).
  rule(
    'payment-smaller',
    String.raw`${notAfter(`${NOT_YET}|think|worried|scared|afraid`)}\b(?:my|his|her|our|your|the) (?:${UC} )?payments? (?:will|is going to) (?:now )?be (?:smaller|lower|less)\b`,
  ),
  rule('payment-zero', String.raw`\b(?:payment|${UC})[^.!?\n]{0,40}? (?:will be|is) £0(?:\.00)?`),
  rule(
    'we-reduce',
    String.raw`\bwe(?:'ve|'re|'ll| have| are| will| will be| are going to)? (?:reduc(?:e|ed|ing)|stop(?:ped|ping)?|cut) your (?:${UC}|payments?|standard allowance|award)`,
  ),
  // Also as retold: "a message saying he can't get it because he's in education".
  rule(
    'cannot-get-uc',
    String.raw`\byou (?:cannot|can't|cant|can not|will not|won't|wont|do not|don't) (?:get|receive|qualify for|be paid) (?:any |a )?(?:${UC}|payments? of ${UC}|${UC} payments?)|\b(?:saying|says|said)(?: that)? (?:you|he|she|i|we|they) (?:cannot|can't|cant|can not|will not|won't|wont|isn't able to|is not able to|are not able to) (?:get|receive|claim|have) (?:it|${UC}|any (?:money|payments?))\b`,
  ),
  rule('no-payment', String.raw`\byou (?:will not|won't|wont) (?:get|receive|be paid) (?:a |any )?(?:${UC} )?payment`),
  rule('not-entitled', String.raw`\b(?:not|no longer) (?:be )?entit(?:led|eld|ld|iled)`),
  // A positive award is a decision too: "you are entitled to Universal Credit", "you have been awarded LCWRA / PIP",
  // "I received my award letter and was awarded £672.40".
  rule('entitled', String.raw`\byou(?:'re| are)(?: now| still)? entitled to (?:${UC}|£|the [a-z]+ (?:element|amount|rate))`),
  rule(
    'awarded',
    String.raw`\b(?:(?:you|he|she|they|i)(?:'ve| have| has)? been awarded|(?:i|we|he|she|they) (?:was|were) awarded|(?:we|they|pip|dwp)(?:'ve| have| has) awarded (?:you|your|me|him|her|them|us))`,
  ),
  rule('not-eligible', String.raw`\b(?:not|no longer) eligible for (?:${UC}|the|housing|childcare|this)`),
  rule('conditions-not-met', String.raw`\b(?:do|does|did) not (?:meet|satisfy) the (?:\w+ ){0,2}(?:conditions?|rules|requirements?)`),
  // "Your housing costs have been refused", "the childcare element was not approved", "my rent isn't covered", and a
  // to-do's title with its outcome: "Housing costs — not accepted".
  rule(
    'refused',
    String.raw`\b(?:claim|application|housing costs?|childcare costs?|rent|element)(?: for (?!a |an |any )[^.!?\n]{1,30})? (?:(?:has been|have been|was|were|is|are) (?:refused|disallowed|rejected|turned down|declined|unsuccessful|not approved|removed)(?! yet)|(?:isn't|isnt|is not|aren't|arent|are not|won't be|wont be|will not be) (?:covered|included|approved|allowed)${notSoonBefore(`until|unless|yet`, 40)})|(?<=^|\n|[.!?] )(?:housing|childcare|rent)(?: costs?)? ?(?:-|:) ?(?:not (?:accepted|approved|allowed|included)|refused|rejected|disallowed)\b`,
  ),
  rule('not-approved', String.raw`\b(?:have|has) not been (?:approved|accepted|allowed)`),
  rule(
    'claim-not-successful',
    String.raw`\b(?:claim|application|${UC}) (?:(?:has|have) not been|was not|wasn't|is not|isn't) successful|\b(?:claim|${UC}) (?:will not|won't|cannot|can't) be paid${notSoonBefore(`until`, 40)}`,
  ),
  rule(
    'cannot-accept-claim',
    String.raw`\b(?:unable to|cannot|can't|cant|can not|are not able to) accept your (?:${UC} )?(?:claim|application)${notSoonBefore(`until`, 40)}`,
  ),
  // A notification that a specific statement is ready: every statement can be challenged.
  rule('statement-ready', String.raw`\byour (?:universal credit |uc |payment |monthly )?statement(?: for [^.!?\n]{1,40}?)? is (?:now )?(?:ready|available)`),
  // ... or someone saying they have it: "got my statement today", "just checked my UC statement" (not "have you
  // checked your statement?", "when I get my statement", "the statement of reasons", a bank statement).
  rule(
    'statement-got',
    String.raw`${notAfter(`${NOT_YET}|you|you've`)}\b(?:got|had|checked|received|looked at|seen|read) (?:(?:my|our|his|her|their) (?:universal credit |uc |monthly |payment )?|the (?:universal credit|uc|monthly|payment) )(?:statement|statment)\b(?! of)${NOT_PENDING}`,
  ),
  rule('we-refused', String.raw`\bwe(?:'ve| have)? (?:refused|disallowed|rejected|not approved|not accepted|not allowed|turned down)`),
  rule(
    'cannot-pay-costs',
    String.raw`\b(?:we )?(?:cannot|can't|cant|will not|won't|are unable to|are not able to) (?:pay|include|help with|cover|accept) (?:your |the |any |a |an )?(?:[a-z-]+ ){0,2}?(?:rent|mortgage|housing|childcare|service charges?|element|amount|addition)`,
  ),
  // A reason not accepted, in people's words: "they don't believe my reason is good enough", "they did not accept his reason".
  rule(
    'reason-not-accepted',
    String.raw`${NOT_ASKED}\bwe (?:do not|don't|did not|didn't) accept (?:that )?(?:you|he|she|they) (?:had|have|has) (?:a )?good reason\b|${NOT_ASKED}\b(?:they|dwp|the dwp|dm|the dm|the decision maker|${UC})(?: (?:say|said|says))?(?: they)? (?:don't|do not|did not|didn't|won't|will not|have not|haven't) (?:believe|accept|think)(?: that)? (?:(?:my|his|her|their|our|your|the) reason\b(?: (?:is |was )?(?:a )?(?:good|valid)\b)?|(?:i|he|she|you|we|they) (?:had|have|has) (?:a )?good reason\b)${NOT_PENDING}`,
  ),
  // "Has not shown good reason", and an adviser's "DM: no GR".
  rule('no-good-reason', String.raw`\b(?:has|have|had) not (?:shown|given|provided) (?:us )?(?:a |any )?good reason|\b(?:dm|decision)(?: ?[:-])? no gr\b`),
  // Text that lost its spaces when pasted: "youdidnotshowgoodreason forfailingtoattend".
  rule('no-good-reason-run-on', String.raw`(?:did|has|have)not(?:show|shown|give|given|provide|provided)(?:a|any)?goodreason`),
  rule(
    'did-not-give-good-reason',
    String.raw`\b(?:did not|didn't|didnt|gave no|have not given|haven't given) (?:show |give |have |provide )?(?:us )?(?:a |any )?good reason`,
  ),
  // Not "no sanction imposed", "without a sanction being applied".
  rule(
    'sanction-applied',
    String.raw`(?<!\bno )(?<!\bwithout a )(?<!\bnot a )\bsanction (?:has been |was |is being |have been |has now been |being )?(?:applied|imposed|put on|added|given)`,
  ),
  rule('sanctioned', String.raw`\b(?:you|he|she|they)(?:'ve| have| has| were| was)? been sanctioned`),
  // Someone told they were refused, and what for: "she was refused on the basis that she holds capital", "I got
  // turned down for UC because of my savings" (an advance or a hardship payment refused is no decision: REFUSALS).
  rule(
    'person-refused',
    String.raw`${NOT_ASKED}\b(?:i|he|she|we|they|client|cl|my client)(?:'ve| have| has| had)?(?: been| was| were| got| get) (?:refused|turned down|rejected)(?= (?:on (?:the )?(?:basis|grounds)|because|due to|for (?:${UC}|lcwra?|pip|housing (?:costs?|element)|childcare costs|the (?:housing|childcare|carer|child|lcwra?) (?:element|costs?)))\b)`,
  ),
  // In the claimant's words: "I was sanctioned", "I've been sanctioned", "why was I sanctioned?", and of someone they
  // help: "my son got sanctioned", "Mr Moran was sanctioned" (not "will I be sanctioned?").
  rule(
    'i-was-sanctioned',
    String.raw`\b(?:i|we|he|she|they|(?:my )?client|my (?:${FAMILY})|(?:mr|mrs|ms|miss) [a-z]+)(?:'ve| have| has|'s)? (?:was|were|got|been) sanctioned\b|\bwhy (?:was|have|did) (?:i|we|he|she|my [\w'-]+)(?: been| get)? sanctioned\b`,
  ),
  // "He has an open-ended sanction", "my client has got a 28 day sanction" (not "will I get a sanction", "a sanction warning").
  rule(
    'has-sanction',
    String.raw`${notAfter(`${NOT_YET}|will|might|may|could|avoid|to`)}\b(?:i|he|she|(?:my )?client|my ${FAMILY})(?:'ve| have| has|'s)?(?: now)?(?: got| been given| been hit with)? (?:an?|another) (?:open(?:-| )ended |low(?:est)?(?:-| )level |medium(?:-| )level |high(?:er)?(?:-| )level |\d+(?:-| )(?:day|week)s? )?sanction\b(?! warning| letter| if\b| review)${NOT_PENDING}`,
  ),
  // A sanction given, in people's words: "they've hit me with a 91 day one", "DWP slapped him with another sanction".
  rule(
    'hit-with-sanction',
    String.raw`${NOT_ASKED}${notAfter(`${NOT_YET}|will|might|may|could`)}\b(?:they|dwp|the dwp|${UC}|the jobcentre|jobcentre|my work coach|the work coach)${HAVE} (?:hit|slapped|landed|given) (?:me|him|her|us|them|my [\w'-]+) with (?:a|an|another) (?:\d+(?:-| )(?:day|week)s? |open(?:-| )ended |(?:low|lowest|medium|high|higher)(?:-| )level )?(?:sanction|one)\b${NOT_PENDING}`,
  ),
  rule('sanction-reduction', String.raw`\bsanction (?:reduction|deduction) (?:applied|of)`),
  // People's words for a smaller award: "my payment has dropped", "the amount payable for rent has dropped", "my
  // housing element went down" (not "why has my payment dropped?", "if my payment goes down").
  rule(
    'my-payment-dropped',
    String.raw`${notAfter(NOT_YET)}\b(?:(?:my|our|his|her|their) (?:${UC} |monthly |housing |rent |childcare )?(?:payments?|${UC}|award|money|amount|housing (?:element|costs?)|rent (?:costs?|element|money)|childcare(?: costs)?)|the (?:amount|money)(?: (?:payable|paid|included))? for (?:my )?(?:rent|housing|childcare)|the (?:housing|rent|childcare|child) (?:bit|part|amount|money))(?: for (?:rent|housing|childcare))? (?:(?:has |have |had )?(?:dropped|gone down|went down|decreased|been (?:reduced|cut|lowered))\b|(?:drops|goes down|will drop|will go down) by ${MONEY})${NOT_PENDING}`,
  ),
  // Less than before, in people's words: "they've paid £87 less than last time", "why am I getting £52 less", "my UC
  // came through and it's like 200 quid less than last month", "his payment is nearly £400 less", "it was about a
  // hundred quid short", "only £210 this month instead of the usual £640" (not "£50 less than last year": LONG_AGO).
  rule(
    'paid-less',
    String.raw`${notAfter(`${NOT_YET}|will|would|could|might|may|you`)}\b(?:paid (?:me |us |him |her )?|getting |got |received |had )${MONEY} less\b|${notAfter(`${NOT_YET}|will|would|could|might|may|you|if`)}\b(?:${MONEY}(?: quid| pounds?)? (?:less|lower) than (?:(?:my|the|our) )?(?:last|previous|usual|normal) (?:month|payment|time|ap|assessment period|one)|(?:payment|${UC}|money) (?:is|was|came in|has come) (?:nearly |about |around |almost |like )?${MONEY} less|(?:like|about|around|nearly|almost) ${MONEY} (?:quid|pounds?) less|(?:payment|${UC}|money) (?:is|was) less (?:by )?${MONEY})\b|\b(?:payment|${UC}|money|it) (?:was|is|came (?:in|through)|landed)(?: [^.!?\n]{0,25}?)? (?:about |around |like |nearly |almost )?(?:${MONEY}|(?:a |two |three |a few )?hundred|fifty|forty|thirty|twenty)(?: quid| pounds?)? short\b|\bonly ${MONEY} (?:this month |this time |now )?instead of (?:the |my |our )?(?:usual |normal )?${MONEY}|\bonly ${MONEY} (?:this month|this time|now),? (?:usually|normally)(?: it's| its| it is)?(?: like| about| around)? ${MONEY}`,
  ),
  // An amount told as it changed: "the housing part went from 725 to 0.00", "payment went from £702 to £31", "last
  // month I got 1,046.22 this month …", "money down £400" (not "if it goes from £500 to nothing").
  rule(
    'amount-went-from',
    String.raw`${notAfter(`${NOT_YET}|will|would|could|might|may|you|if`)}\b(?:payments?|${UC}|money|award|(?:housing|rent|child|childcare|carer) (?:part|bit|element|amount|money)) (?:has |have )?(?:went|gone|dropped|fell|fallen|come|came) (?:down )?from ${MONEY} to ${MONEY}|\blast (?:month|time|ap) (?:i|we|he|she) (?:got|had|was paid|were paid|received) ${MONEY},? (?:(?:and|but) )?(?:this month|now|this time)\b|\b(?:payment|${UC}|money) (?:is |was |has gone |went |gone )?down (?:by )?${MONEY}`,
  ),
  // A month with nothing, in people's words: "I am not getting any UC this month", "we're getting £0 this AP".
  rule(
    'nothing-this-month',
    String.raw`${notAfter(`${NOT_YET}|will|you`)}\b(?:i'm|i am|im|we're|we are|i|we|he's|she's|he is|she is)(?: now)? (?:not getting|getting no|won't get|will not get|getting nothing|get nothing|got nothing|getting £0(?:\.00)?)(?: (?:any )?(?:${UC}|payments?|money|anything))?(?: at all)? (?:this|for this|next) (?:month|ap|assessment period)\b${NOT_PENDING}`,
  ),
  // DWP refusing to lower a deduction: "The DWP said on the journal they cannot reduce the fine", "we are unable to
  // reduce your deductions" (not the help page's "you cannot ask the DWP to reduce the deduction").
  rule(
    'wont-reduce-deduction',
    String.raw`\b(?:we|they|dwp|the dwp|uc)(?: (?:have |has )?(?:said|say|says|told (?:me|him|her|us|them))(?: (?:on|in) (?:the|my|his|her|their) journal)?(?: that)?(?: they| we)?)? (?:cannot|can't|can not|are unable to|were unable to|won't|will not|refused to|refuse to|are not able to) (?:change or )?(?:reduce|lower) (?:the|your|my|his|her|their) (?:${MONEY} )?(?:court )?(?:fine|deductions?|repayments?|rate of (?:deduction|repayment))`,
  ),
  rule('capable-of-work', String.raw`\b(?:are|were|be|been|is) (?:found )?(?:capable of work|fit for work)`),
  rule(
    'has-lcw',
    String.raw`\b(?:(?:that you|that he|that she|you|he|she|they) (?:do not have|don't have|does not have|no longer have|now have|has been found to have|have been found to have|been found to have)|(?:saying|says|said)(?: that)? (?:i|you|he|she|they) (?:has|have|do not have|don't have|does not have|doesn't have)|(?:decided|accept|accepted|agree|agreed) (?:that )?(?:you|he|she) (?:have|has|had)) (?:limited capability for work|lcw|lcwra|lcwea)`,
  ),
  // "Awarded LCWRA", "put in the LCW group", "we got LCWRA", and "got LCWRA!!!" opening a sentence.
  rule(
    'awarded-lcw',
    String.raw`\b(?:awarded|placed in|put in|found to have|given|resulted in|led to|(?<=(?:^|\n|[.!?] )(?:just |finally |now )?|\b(?:i|we|she|he|mum|dad|mam|nan|gran|partner|husband|hubby|wife|son|daughter|brother|sister|(?:my|our) (?!${OTHER_PEOPLE}\b)[\w'-]+)(?:'ve| have| has)?(?: now| finally| just)? )got) (?:the )?(?:lcw|lcwra|lcwea|limited capability for work)\b${NOT_PENDING}`,
  ),
  rule('claim-closed', String.raw`\bwe(?:'ve| have)? (?:${CLOSED}|terminated|ended|stopped|cancelled) your (?:${UC} )?(?:claim|account|award)`),
  // "Your claim has closed", "her Universal Credit award has finished" (not "the reduction to your Universal Credit
  // has finished": a sanction that ended).
  rule(
    'claim-has-closed',
    String.raw`(?<!\b(?:reduction|sanction|deduction|suspension) (?:to|of|on) )\b(?:your|the|this|my|his|her|their|our) (?:single |joint )?(?:(?:${UC} )?(?:claim|account|award)|${UC}) (?:(?:has|was|is|got)(?: now| automatically)?(?: been| be)?|will(?: now)?(?: be)?|automatically) (?:${CLOSED}|terminated|ended|finished|finish|cancelled|stopped|shut(?: down)?|close|end|brought to an end)${notSoonBefore(`when|once|if|unless`, 40)}`,
  ),
  // In people's words: a relative's or client's claim, or no "has" or "was": "my brother's claim stopped", "client's UC award ended 30/09".
  rule(
    'their-claim-closed',
    String.raw`${notAfter(NOT_YET)}\b${WHOSE}(?:single |joint )?(?:${UC} )?(?:claim|award|${UC}) (?:(?:has|was|got)(?: now)?(?: been)? )?(?:${CLOSED}|terminated|ended|cancelled|stopped|shut(?: down)?)${NOT_PENDING}`,
  ),
  // "I made my decision using…", "a decision has been made on your claim" (not "when we have made a decision").
  rule(
    'made-decision',
    String.raw`\b(?:(?:we|i|the decision maker|a decision maker|dm|dwp|they)(?:'ve| have| has| had)? (?:now )?(?:made|reached|taken) (?:a|my|our|the|this|their|his|her|a new) (?:decision|determination)|a decision (?:has (?:now )?been|was) made|(?<=^|\n)when making (?:this|my|our) decision)\b(?! (?:yet|soon|shortly))`,
  ),
  // Claimants and advisers telling what DWP did: "they've stopped my money", "DWP had shut her claim down", "a
  // decision maker cancelled the housing element", "DWP have cut my UC", "they've finally added the
  // carer element", "they refused my childcare costs", "they took
  // my housing element off", "UC removed his LCWRA", "they've closed my claim" (not a yes/no question: "have
  // they taken my element off?", "will they close my claim?").
  rule(
    'they-stopped-my',
    String.raw`${NOT_ASKED}(?<!\b(?:will|would|could|can|might|may|do|does|did|should|shall) )\b(?:they|dwp|the dwp|${UC}|the jobcentre|jobcentre|(?:a|the) decision maker|the dm)(?:'ve| have| has| had)? (?:now |finally |just |also |simply )?(?:(?:stopped|cut|reduced|added|backdated|sanctioned|taken away|took away|removed|knocked off|taken off|took off|refused|rejected|turned down|disallowed|${CLOSED}|ended|terminated|shut|close|stop|cancell?ed) (?:my|our|his|her|their|the) (?:(?:partner's|husband's|wife's|son's|daughter's|mum's|dad's|joint) )?(?:money|payments?|${UC}|benefits?|award|claim|housing (?:costs?|element)|childcare(?: costs?)?|rent|lcw|lcwra|mobility|daily living|(?:[a-z]+ )?element|(?:[a-z]+ )?component)|(?:taken|took) (?:my|our|his|her|their) (?:money|${UC}|benefits?|housing (?:costs?|element)|rent|lcw|lcwra|(?:[a-z]+ )?element))\b(?! to (?:my|your|the|his|her) (?:to-?do|journal|list))|${NOT_ASKED}\b(?:they|dwp|the dwp|${UC}|the jobcentre|jobcentre)(?:'ve| have| has| had)? (?:just )?(?:binned|scrapped|axed) (?:my|our|his|her|their) (?:claim|${UC}|money|payments?|award|benefits?)\b`,
  ),
  // The same for a work capability decision: "DWP says I'm fit for work", "they've decided he is capable of work",
  // "the journal says after looking at the report he's able to do some work" (not a doctor's "they said I am fit for work", "what if DWP say I'm fit for work?", "will they find me fit?").
  rule(
    'they-say-fit',
    String.raw`${NOT_ASKED}\b(?:(?:dwp|the dwp|${UC}|the dm|dm|the decision maker)(?:'ve| have| has)? (?:say|says|said|decided|found|deemed|think|thinks|reckon|reckons|tell me|told me)|they(?:'ve| have)? (?:decided|found|deemed|tell me|told me)|(?:got|been|was|were) told|(?:the |my |his |her )?(?:journal|message|letter|decision) (?:says|said)(?: [^.!?\n]{0,40}?)?)(?: now)?(?: that)? (?:i'm|i am|i was|he's|he is|he was|she's|she is|she was|me|him|her|they're|they are|i'?m|shes|hes) (?:now )?(?:not )?(?:fit for work|capable (?:of|for) work|able to (?:do (?:some )?)?work)\b(?! by (?:the |my |a |his |her )?(?:hospital|gp|doctor|consultant|nurse|physio|surgeon|psychiatrist))`,
  ),
  // A decision letter put in the journal: "Decision letter uploaded to your journal", "we have added a decision
  // letter" (not "no decision letter has been uploaded yet", "have you sent the decision letter?", "a decision
  // letter is sent once…", the tribunal's or an MR's letter: the MR's is an MRN, in mrn-rules.ts, tried first).
  rule(
    'decision-letter',
    String.raw`${notAfter(`no|${NEGATIONS}|been|was|were|did|you|when|once|until|if`)}(?:(?<!\b(?:reconsideration|mr|mrn|tribunal|appeal) )\bdecision letter (?:(?:has been |was |now )?(?:uploaded|added|attached|sent|issued|posted)|(?:is (?:now )?)?(?:in|on) your journal)|\b(?:uploaded|added|attached|sent|issued|posted) (?:a |your |the |an )?(?:new )?decision letter)\b${NOT_PENDING}`,
  ),
  // "We are unable to reactivate claims", "we can't put your old claim back in place".
  rule(
    'no-reactivate',
    String.raw`\b(?:unable to|cannot|can't|cant|can not|will not|won't|are not able to) (?:reactivate|reactive|re-activate|reopen|re-open|restart|reinstate (?:(?:your|the|his|her|their|this|a|my|it) )?(?:(?:old|previous|closed|original|last) )?(?:claims?|awards?|${UC}|it)\b|put (?:your|the|his|her|their) (?:old |previous |closed |original |last )?(?:claim|award) back)${NOT_PENDING}`,
  ),
  // A third-party deduction starting: the claimant's payment goes down, which is a decision (rn-033).
  rule(
    'third-party-deduction',
    String.raw`\b(?:landlord|council|energy supplier|supplier|water company|child maintenance service|court)[^.!?\n]{0,40}? (?:has |have )?(?:asked|applied(?: to)?|told) us to (?:pay|take|collect|deduct)(?![^\n]{0,160}\b(?:not yet (?:agreed|decided|accepted)|(?:have not|haven't) (?:yet )?(?:agreed|decided|accepted)|before we decide|we will (?:let you know|tell you) (?:if|whether|what))\b)`,
  ),
  // "We paid you £X too much", "you have been overpaid", "I've had £2,700 too much".
  rule(
    'paid-too-much',
    String.raw`\b(?:you|we)(?:'ve| have| were| was| have been| had been)? (?:been )?(?:paid (?:you )?(?:${MONEY} )?too much|overpaid)|\b(?:i|you|he|she|we|they)(?:'ve| have| has| had)? (?:had|got|received|been given|been paid) ${MONEY} too much\b`,
  ),
  // "We will take it back from your payments", "they'll take it back" (not an advance's repayment: MONEY_BACK).
  rule(
    'take-back',
    String.raw`\b(?:we|they|dwp|the dwp)(?:'ll| will| are going to| have started to| are going to start to| will start to) (?:take|recover|claw|collect|get) (?:(?:[^.!?\n]|\d\.\d){0,30}? )?back`,
  ),
  rule('recover', String.raw`\bwe(?:'ll| will| are going to)? (?:recover|be recovering|start recovering)`),
  rule(
    'not-in-gb',
    String.raw`\btreated as not (?:being )?(?:in great britain|living here)|\bnot treated as (?:living|being|resident) (?:in (?:great britain|the uk)|here)`,
  ),
  rule('not-resident', String.raw`\bnot (?:habitually resident|have (?:a |the |any )?right to reside|confer a right to reside)`),
  rule(
    'no-right-to-reside',
    String.raw`\b(?:no|(?:(?:do|does|did) not|don't|doesn't|no longer) (?:have|give(?: you)?|confer(?: on you)?|mean (?:that )?you have)(?: a| the| any)?) right to reside`,
  ),
  rule('nil-award', String.raw`\bnil (?:award|entitlement)`),
  rule(
    'we-changed-award',
    String.raw`\b(?:we|i|dm|the decision maker)(?:'ve| have| has)? (?:now |had to )?(?:removed|reduced|lowered|added|included|increased|ended|stopped|backdated|revised|updated|changed|closed|close|end|stop) (?:(?:your|the|a|an|this|that|their|his|her) |${MONEY} (?:(?:of |for |towards )(?:your |the )?)?)?(?:[\w'-]+ ){0,2}?(?:housing costs?|housing amount|rent|universal credit|uc|award|element|amount|childcare(?: costs)?|sanction|claim|service charges?)\b(?![^.!?\n]{0,20}? (?:on|in) (?:my|your) (?:journal|account|app)\b)(?![^.!?\n]{0,20}? with (?:your|my|the) new\b)`,
  ),
  // Deductions changed by DWP: "we have lowered your deductions" (not when they repay an advance: MONEY_BACK).
  rule('we-changed-deductions', String.raw`\bwe(?:'ve| have)? (?:now )?(?:lowered|reduced|increased|raised|changed|stopped) (?:your|the) deductions?\b`),
  rule('treated-as', String.raw`\bwe(?:'ve| have)? treated you as`),
  rule(
    'can-only-pay',
    String.raw`\b(?:(?:we|they) can only pay(?![^.!?\n]{0,40}\b(?:once|when|after|until) (?:we|you)\b)|the most we can pay|we (?:cannot|can't|will not|won't) (?:pay you${NOT_MEANWHILE}(?! until| till| unless| before| yet\b| on (?:the )?\d| on (?:mon|tues|wednes|thurs|fri|satur|sun)day| into| by (?:cash|cheque)| at the moment| right now)|backdate|pay for|include these|include this|include the|pay these|pay this))`,
  ),
  rule('not-payable', String.raw`\bno (?:${UC} )?(?:is |will be )?payable`),
  rule('sanctioned-short', String.raw`\b(?:have|has|'ve)? ?sanctioned(?: (?:today|yesterday|again|this week|last week|this month))? (?:me|you|him|her|them|-|for)`),
  rule(
    'reduction-applied',
    String.raw`\b(?:a |the )?(?<!\b(?:no|not a|no further) )(?:reduction|sanction) (?:(?:will be|has been|was|is being|was correctly) applied|will remain(?: in place| applied)?|still (?:applies|stands))${notSoonBefore(`for now`, 20)}`,
  ),
  rule(
    'lcw-outcome',
    String.raw`\b(?:lcw|lcwra|lcwea|limited capability for work(?: and work-related activity)?)(?: element)? (?:has been |was |is )?(?:awarded|backdated|removed|added|applied(?! for))`,
  ),
  // "Found fit for work", "they've found me fit" (not "haven't found me fit", "have they found him fit?", nor a
  // doctor's "my GP found me fit to go back": with a person named, DWP has to be the one who found).
  rule(
    'found-fit',
    String.raw`${notAfter(NEGATIONS)}(?:\bfound (?:fit for work|capable of work|to have)|${NOT_ASKED}\b(?:they|dwp|the dwp|dm|the dm|the decision maker|${UC})(?:'ve| have| has| had)? found (?:me|him|her|them|you) (?:fit|capable)(?: for work| of work)?\b(?! note| to | enough))${NOT_PENDING}`,
  ),
  rule('one-word-closed', String.raw`^(?:your )?(?:${UC} )?(?:claim )?(?:closed|terminated)$`),
  // "Claim closed", "claim terminated", and the journal's "Claim no longer active".
  rule('claim-closed-short', String.raw`\bclaim (?:${CLOSED}|terminated|(?:is )?no longer active)\b`),
  // "Your award ends on 27 January", "your claim closed from 3 May".
  rule(
    'award-ends-on',
    String.raw`\b(?:your|the|this) (?:joint |single )?(?:${UC} )?(?:claim|award) (?:ends|ended|closes|${CLOSED}|stops|stopped|will end|will close|will stop) (?:on|from)`,
  ),
  // A work capability assessment outcome stated: "Outcome: limited capability for work", "the outcome of your assessment: you have LCWRA".
  rule(
    'wca-outcome',
    String.raw`\boutcome(?: of [^.:\n]{0,40})?:? (?:you (?:have|do not have|don't have) )?(?:limited capability for work|lcw)|\b(?:work capability assessment|wca) (?:outcome|result)\b|\b(?:result|outcome) of your (?:health|work capability) assessment\b(?! (?:will|is (?:not )?(?:ready|available) yet))`,
  ),
  rule('wca-points', String.raw`\btotal points:? \d+|\byou (?:scored|got|were awarded|have been awarded) \d+ points`),
  // Overpayments: the decision is that one exists ("there is an overpayment", "we paid you £842 more than you were
  // entitled to", "you received more Universal Credit than you should have").
  rule(
    'overpayment-found',
    String.raw`\b(?:there(?:'s| is| has been| was) an? over ?payment|we(?:'ve| have) (?:found|identified|raised) an? over ?payment|over ?payment (?:of ${MONEY} )?(?:has been |was )?(?:found|identified|raised|made)|o/?p of ${MONEY} raised)`,
  ),
  rule(
    'paid-more-than-entitled',
    String.raw`\b(?:we(?:'ve| have)? paid you|you(?: were paid| received| got| have received| have been paid|'ve received|'ve been paid|'ve got)) (?:${MONEY} )?more (?:${UC} |money )?than you (?:were|are|should have been|should have|should've|ought to have)|\byou(?: received| were paid| got|'ve received| have received) ${MONEY} (?:of ${UC} )?(?:that |which )?you (?:were|are) not (?:due|entitled to)|\b(?:this|the) (?:amount|overpayment|money|debt|sum) is recoverable\b${NOT_PENDING}`,
  ),
  // Deductions set up or changed: "£20.37 will be deducted from each payment", "it has to be recovered from my
  // payments", "your deduction will go up to £64".
  rule(
    'deducted-from',
    String.raw`\b(?:${MONEY} (?:a |per |each )?(?:month |week |day |assessment period )?|(?:this|it|money|an amount) )(?:will be|is being|has been|is going to be|will now be|has to be|must be|is to be) (?:deducted|taken|recovered|collected) (?:from|off|out of) (?:your|each|my|his|her|our|their)`,
  ),
  // "From your payment on 14 June we'll take £38.99 each month and pay it to your landlord" (an advance's repayment is
  // not a decision: MONEY_BACK).
  rule(
    'we-will-take',
    String.raw`\bwe(?:'ll| will| are going to|'re going to)(?: now)? (?:take|deduct|start taking) ${MONEY} (?:a |each |every |per )(?:month|week|payment|assessment period)\b`,
  ),
  rule(
    'deduction-changed',
    String.raw`\b(?:your |the |a )?(?:(?:third|3rd)(?:-| )party )?deductions?(?: for [^.!?\n]{1,40}?)? (?:(?:has|have|will)(?: now)? (?:been )?(?:go(?:ne)? up|go(?:ne)? down|increased?|decreased?|set up|started?|reduced)|set up)`,
  ),
  // "You will lose £13.29 a day", and told: "I'm losing £13 a day for 91 days".
  rule(
    'you-will-lose',
    String.raw`\byou(?:'ll| will)(?: now)? lose (?:£|\d|(?:some|part|all) of your)|${notAfter(`${NOT_YET}|will|would|could|might|may`)}\b(?:i'm|im|i am|we're|we are|he's|he is|she's|she is) (?:now )?losing ${MONEY} (?:a|per|every) (?:day|week|month)\b`,
  ),
  rule('agreed-to-change', String.raw`\b(?:has|have|'ve) agreed to (?:remove|lift|end|cancel|reduce|backdate|include) (?:the|your|a|his|her|their)`),
  // A third party's request for a deduction granted: "we have agreed a request from Leeds City Council to take money
  // from your Universal Credit", "DWP has accepted an application from your water company to deduct…".
  rule(
    'deduction-request-agreed',
    String.raw`${notAfter("i|will|'ll|would|hopefully|hope|hoping|once|when|if|council|landlord")}\b(?:has|have|'ve) (?:agreed|accepted|approved) (?:to )?(?:a|an|the|their) (?:request|application)(?: from [^.!?\n]{1,60}?)? to (?:take|deduct|pay|make (?:a )?payments?|recover)\b${notSoonBefore(`dhp|discretionary housing`, 30)}`,
  ),
  rule(
    'right-to-reside-accepted',
    String.raw`\b(?:we accept|we have accepted|we are satisfied) (?:that )?(?:you|he|she|they) (?:have|has|are|is) (?:a right to reside|habitually resident)`,
  ),
  // Welsh: "we have decided", "we will reduce your payment", "you are not entitled", "we paid you too much",
  // "we will recover", "we have not approved", "we have closed your claim", "your claim has ended".
  rule(
    'welsh',
    String.raw`\b(?:rydym wedi penderfynu|byddwn yn lleihau eich|nid oes gennych hawl|rydym wedi talu gormod|byddwn yn adennill|nid ydym wedi cymeradwyo|rydym wedi cau eich hawliad|mae eich hawliad wedi (?:cau|dod i ben))`,
  ),
  // The English families in Welsh: "you have not shown a good reason", "we have stopped your …", "your Universal
  // Credit / award has ended", "your Universal Credit will be reduced", "your (next) payment will be £0",
  // "you have limited capability for work", "(that) you are able to work".
  rule(
    'welsh-families',
    String.raw`\b(?:nid ydych(?: chi)? wedi dangos rheswm da|ni wnaethoch(?: chi)? ddangos rheswm da|nid oedd gennych(?: chi)? reswm da|ni fyddwch yn cael (?:taliad|unrhyw daliad)|nid oes gennych(?: chi)? (?:allu|gallu) cyfyngedig i weithio|rydym wedi (?:stopio|atal|dileu) eich (?:credyd cynhwysol|taliad\w*|hawliad|dyfarniad|costau|elfen|lwfans)|mae eich (?:credyd cynhwysol|dyfarniad) wedi (?:dod i ben|stopio)|bydd eich (?:credyd cynhwysol|taliad(?:au)?)(?: credyd cynhwysol)?(?: nesaf)? yn cael (?:ei|eu) (?:leihau|lleihau|stopio|atal)|bydd eich taliad(?: credyd cynhwysol)?(?: nesaf)?(?: ar [^.!?\n]{0,20}?)? yn £0(?:\.00)?(?!\.?\d)|mae gennych(?: chi)? (?:allu|gallu) cyfyngedig i weithio|(?:eich bod|rydych) yn gallu gweithio(?=[.,;!\n]|$))${NOT_PENDING}`,
  ),
  rule(
    'taking-money-off',
    String.raw`${NOT_ASKED}\b(?:we|they|dwp|the dwp|court|council|${UC})(?:'re|'ll|'ve| are| will| will be| have| has)?(?: now| started| start| just)? (?:taking|take|took|taken|chopped|docked|knocked|deduct(?:ing)?|start taking) (?:money |(?:(?:nearly|about|around|over|almost|another) )?${MONEY}(?:%| ?per ?cent| quid| pounds?)? (?:a |per |each )?(?:month |week |payment |ap )?|an amount )?(?:off|from|out of) (?:(?:your|ur|my|his|her|their)\b(?= (?:${UC}|benefits?|payments?|award|money|standard allowance|rent|housing)\b)|the (?:rent|housing) (?:part|bit|element|money|costs?)\b)|${NOT_ASKED}\b(?:we(?:'ll| will| are going to|'re| are|'ve| have)? (?:take|taking|took|taken) (?:a )?part of your|(?:they|dwp|the dwp|${UC})(?:'ll| will| are going to|'re| are|'ve| have)? (?:take|taking|took|taken) (?:a )?part of (?:my|his|her|our|their)) (?:money|${UC}|payments?|benefits?|award)\b${NOT_PENDING}`,
  ),
  // A new deduction, in people's words: "new thing coming off my payment this month", "another deduction taken from
  // our UC", "council tax arrears now coming out of UC" (an advance's repayment is not a decision: MONEY_BACK).
  rule(
    'new-deduction',
    String.raw`${notAfter(`${NOT_YET}|will|would|could|might|may|any`)}\b(?:(?:new|another|extra)(?: [\w'-]+){0,3}? (?:coming|taken|going|came|come|being taken|deducted) (?:off|out of|from) (?:my|our|his|her|their|the)|(?:arrears|deductions?|fines?|debts?)(?: [\w'-]+){0,2}? now (?:coming|being taken|taken|deducted) (?:off|out of|from)(?: my| our| his| her| the)?|now (?:it's|its|it is|they're|theyre|they are) (?:coming|being taken|taken) (?:straight |directly )?(?:off|out of|from) (?:my|our|his|her|their)(?! money)) (?:${UC}|payments?|money|award|standard allowance)\b${NOT_PENDING}`,
  ),
  // The benefit cap: "Benefit cap applied - £58.21 off", "we have applied the benefit cap".
  rule(
    'benefit-cap',
    String.raw`\bbenefit cap (?:has been |was |is now |will be )?applied\b(?! (?:when|if|to (?:households|families|people)))|(?<!\b(?:not|never|haven't|havent) )\bapplied the benefit cap\b|\b(?:i've|i have|we've|we have|i'm|we're|been|got) (?:been )?(?:benefit )?capped\b|\b(?:deduction|reduction|deducted|reduced|taken off|cut)\b[^.!?\n]{0,40}?\b(?:to keep (?:me|us|him|her|them|you) under|because of|due to|for) the benefit cap\b|${notAfter(`${NOT_YET}|will|would|could|might|may`)}\b(?:i|we|he|she|they)(?:'ve| have| has|'s)? (?:just |now )?been (?:affected|hit) by the benefit cap\b|\bthe benefit cap (?:has |have )?(?:now )?(?:reduced|cut|taken)\b`,
  ),
  // What others were told: "DWP say I was overpaid £612", "they're saying i was overpaid" (not "was I overpaid?").
  rule(
    'they-say-overpaid',
    String.raw`${NOT_ASKED}\b(?:they|dwp|the dwp|${UC}|the dm|dm|the decision maker)(?:'re| are| is|'s| have| has|'ve)? (?:say|says|said|saying|told me|telling me|decided|reckon|reckons)(?: that)? (?:i|we|he|she|my [\w'-]+)(?:'ve| have| has| had)? (?:was |were |been |have been |got )?overpaid\b${NOT_PENDING}${notSoonBefore(`council tax|housing benefit|tax credits?|hmrc`, 60)}`,
  ),
  // An overpayment told in people's words: "got a letter saying I owe them £2,300", "they say I must pay back 900
  // pound" (not "do I owe them?", a council's Housing Benefit or HMRC's tax credit overpayment).
  rule(
    'they-say-owe',
    String.raw`${NOT_ASKED}\b(?:they|dwp|the dwp|${UC}|the dm|dm|the decision maker|(?:a |the )?(?:letter|message|journal entry|note)(?: (?:yesterday|today|this morning|from (?:them|dwp|uc|the dwp)))?)(?:'re| are| is|'s| have| has|'ve)? (?:say|says|said|saying|told me|telling me|tell me|decided|reckon|reckons)(?: that)? (?:i|we|he|she|my [\w'-]+) (?:owe|owes|must (?:pay|repay)|have to (?:pay|repay)|has to (?:pay|repay)|need to (?:pay|repay)|needs to (?:pay|repay))(?: (?:them|dwp|uc|the dwp))?(?: back| it back| the money back)?(?= (?:£|\d|(?:about|around|nearly|almost|over|more than)\b)|[.,!\n]|$)${NOT_PENDING}${notSoonBefore(`council tax|housing benefit|tax credits?|hmrc|advance|loan`, 60)}`,
  ),
  // Costs refused, in people's and agents' words: "they won't pay for my 3rd baby", "UC said they can't cover the
  // rent", "HC not paid", "we have not included these costs" (not "… until", "… yet", "… while").
  rule(
    'they-wont-pay',
    String.raw`${NOT_ASKED}\b(?:they|dwp|the dwp|${UC})(?:'ve| have| has)? (?:(?:said|say|says|told me|saying)(?: that)? (?:they|it|${UC}|dwp) )?(?:wont|won't|will not|can't|cannot|cant|refuse to|refused to) (?:pay|cover|include)(?: (?:for|my|the|our|his|her|any|anything))\b${NOT_MEANWHILE}${notSoonBefore(`unless`, 80)}${notSoonBefore(`council tax|(?:direct(?:ly)?|straight) to (?:the |your |my )?landlord`, 40)}`,
  ),
  rule(
    'costs-not-paid',
    String.raw`\b(?:hc|housing costs?|housing element|housing amount|childcare costs?|childcare element)(?: (?:has|have)(?: not)? been| (?:were|was)(?: been)?)? not (?:been )?(?:paid(?! (?:directly )?by| (?:direct(?:ly)? |straight )?to (?:your|the|my) landlord)|payable|included|awarded|allowed|covered)\b${NOT_MEANWHILE}|\bwe(?:'ve| have)? not (?:included|paid|allowed|awarded) (?:these|those|the|your|this|that|any) (?:[\w'-]+ ){0,2}?(?:costs?|amount|element|childcare|rent|housing)\b${NOT_MEANWHILE}`,
  ),
  // A lower housing rate given: "they've put me on the shared accommodation rate".
  rule(
    'put-on-rate',
    String.raw`${NOT_ASKED}\b(?:put|placed|moved) (?:me|you|him|her|us|them|my [\w'-]+) (?:on|onto) (?:the )?(?:shared accommodation rate|shared room rate|shared rate|sar\b)`,
  ),
  // A part of the award changed: "the housing element has been reduced by 14%", "your child amount was removed".
  rule(
    'element-changed',
    String.raw`\b(?:your |the |my |his |her )(?:housing|child|carer|childcare|lcwra|lcw|disabled child)(?: costs?)? (?:element|amount|costs) (?:has been|have been|was|were|will be|is being|is going to be) (?:reduced|cut|lowered|stopped|removed|taken off)\b${NOT_MEANWHILE}${notSoonBefore(`when|if|once|unless`, 40)}`,
  ),
  // A statement's own lines: an assessment period, then "Standard allowance £393.45" (not an explanation: "the
  // standard allowance is £400"), or "Statement date: 19/07/2024" (not "your statement date is the 5th").
  rule(
    'statement-lines',
    String.raw`(?<!\b(?:per|each|a|every) )\b(?:assessment period|cyfnod asesu)\b(?![\s\S]{0,300}\b(?:estimate[ds]?|calculator|rates \d{4}|could get)\b)[\s\S]{0,300}?\b(?:standard allowance|lwfans safonol)(?: \([^)\n]{0,30}\))?:? ?(?:£ )?${MONEY}(?![\w£])|(?<!\bnext )\bstatement (?:date|issued)(?: on)?:? ${SHORT_DATE}`,
  ),
  // A change of who is on the claim: "Your payment will now be worked out as a couple", "we will treat you as a single
  // person from 3 May" (not "if your partner moves in, your payment will be worked out as a couple").
  rule(
    'worked-out-as',
    String.raw`\b(?:your|the) (?:joint )?(?:${UC} )?(?:payments?|${UC}|award|claim) (?:will|is going to|has been|have been) (?:now )?(?:be )?(?:worked out|paid|assessed|calculated|changed to) as (?:a couple|a single person|single|a joint claim|joint)\b|\bwe(?:'ll| will| have| are going to)(?: now)? (?:treat|treated) (?:you|your claim) as (?:a couple|a single person|single|living together)\b|\byou(?:'ll| will)(?: now)? be (?:paid|assessed|treated) as (?:a couple|a single person|single|joint claimants)\b|\bwe(?:'ve| have) worked out your (?:${UC}|payment) as (?:a couple|a single person|joint claimants)\b`,
  ),
  // A statement's message: "We've worked out your Universal Credit for 3 August to 2 September 2025".
  rule(
    'worked-out-for',
    String.raw`\b(?:we(?:'ve| have)|this is how we(?:'ve| have)?) worked out your (?:${UC}|payment) for\b(?! (?:the|your|a|an) (?:[\w-]+ )?advance)`,
  ),
  // A decision received, in people's words: "got my pip decision, enhanced mobility!!", "got the decision letter
  // today" (not "haven't got my decision yet", "when I get my decision", an MR's or a tribunal's decision).
  rule(
    'got-decision',
    String.raw`${notAfter(`${NOT_YET}|you|to|still`)}(?<!\b${OTHER_PEOPLE}(?:'s)? )\b(?:got|received|had|been given) (?:my|our|his|her|their|the|an?) (?!(?:[\w-]+ ){0,2}?(?:mr|mrn|mandatory|reconsideration|tribunal|first-tier|ftt|hearing|appeal|hardship|advance|budgeting|council|ctr)\b)(?:(?:[\w-]+ ){0,2}?decision(?: letter)?|award letter)\b(?! (?:yet|maker|back from (?:the )?(?:mr|tribunal)))${NOT_PENDING}`,
  ),
  // What the message says is paid, when it is nothing: "the journal says we get nothing extra for her", "the letter
  // said I'll get no money" (not "will we get nothing extra?").
  rule(
    'says-nothing-paid',
    String.raw`${NOT_ASKED}\b(?:(?:the )?(?:journal|message|letter|decision)|they|dwp|it) (?:says|said|say)(?: that)? (?:we|i|you|he|she|they)(?:'ll| will)? (?:get|are getting|'re getting|can get|can have|won't get|will not get|don't get|do not get) (?:nothing|no (?:money|payment|extra|uc|universal credit)|£0|any(?:thing)? (?:more|extra))\b${NOT_PENDING}`,
  ),
  // A smaller home paid for: "now my UC only covers a 2 bed, not the 3", "they'll only pay for a one-bedroom flat".
  rule(
    'only-covers-rooms',
    String.raw`${notAfter(`${NOT_YET}|will|would|could|might|may`)}\b(?:${UC}|they|dwp|it|the housing (?:element|part|bit|costs?))(?: now)?(?:'ll| will)? only (?:covers?|pays? for|pays?|allows?) (?:a |for a )?(?:\d|one|two|three|four)(?:-| )?bed(?:room)?s?\b${NOT_PENDING}`,
  ),
  // A message's outcome in one word, as people retell it: "got the message yesterday: awarded, £1,020", "letter came today
  // - refused" (not "waiting for the letter: refused or not?").
  rule(
    'message-outcome',
    String.raw`${notAfter(`${NOT_YET}|still|waiting for|wait for`)}\b(?:(?:got|had|received) (?:the|a|my|his|her|their) (?:message|letter|decision|journal message|answer)|(?:the |a |my )?(?:message|letter|decision) (?:came|arrived|is in))(?: (?:today|yesterday|this morning|last night|at last|in the journal|on the journal))? ?[:-] ?(?:awarded|approved|accepted|refused|rejected|turned down|sanctioned|closed|disallowed|not entitled|nil)\b${NOT_PENDING}`,
  ),
  // A PIP award letter, which has the same MR right: its lines ("Daily living part: standard rate from 14 Apr 2025"),
  // "got my PIP letter through today", "received his PIP decision"
  // (not "haven't had my PIP letter yet", "got my PIP letter asking me to fill in the form", "got a PIP letter about
  // my assessment").
  rule(
    'pip-award',
    String.raw`\b(?:daily living|mobility) (?:part|component): (?:standard|enhanced) rate\b|\b(?:you|he|she|i|they) (?:get|will get|are entitled to|have been awarded|were awarded|was awarded) the (?:standard|enhanced) rate of the (?:daily living|mobility) (?:part|component) from\b|(?<!\b(?:for|hoping|hope|expect|expecting|want|wanted|of|is|or|and) )\b(?:standard|enhanced) rate (?:for )?(?:daily living|mobility)(?: from)?\b(?=[^.!?\n]{0,60}\b(?:nil|no) (?:daily living|mobility)\b)(?![^.!\n]{0,80}\?)|${notAfter(`${NOT_YET}|you|to|still`)}\b(?:got|received|had|opened) ${WHOSE}pip (?:letter|decision|award|result|outcome)(?: (?:letter|through|back|today|yesterday|this morning)){0,2}\b(?! (?:asking|to (?:say|tell) (?:me|him|her|them) (?:about|when|where)|about (?:my|his|her|the|an?) (?:assessment|review|form|appointment|consultation)|for (?:my|his|her|the|an?) (?:assessment|review|appointment|consultation)|with (?:the|a|my) (?:form|date|appointment)))${NOT_PENDING}`,
  ),
  // A claim accepted: "they say claim is accepted and first payment 14 January" (not "once your claim is accepted").
  rule(
    'claim-accepted',
    String.raw`(?<!\b(?:advance|hardship|council|reduction|ctr|housing benefit|hb|discretionary|dhp|payment|loan|${OTHER_PEOPLE}'s)(?: [\w'-]+){0,3} )\bclaim (?:is|has been|was|got) (?:now )?(?:accepted|approved|successful)\b${NOT_MEANWHILE}${notSoonBefore(`once|after|when|if`, 40)}`,
  ),
  // A sanction letter's journal title: "22 May 2025  Reduction in your Universal Credit   View letter".
  rule('reduction-title', String.raw`(?:^|\n)(?:${SHORT_DATE} )?reduction in your ${UC}(?= ?(?:[/|-] ?)?(?:view letter|\n|$))`),
  // The minimum income floor applied to self-employed earnings: "we will use a minimum income floor of £1,655.95",
  // "the minimum income floor now applies to you" (not "if you are in gainful self-employment we may use…").
  rule(
    'minimum-income-floor',
    String.raw`\b(?:we(?:'ll| will| have| are going to| are)? (?:now )?(?:use|using|apply|applying|applied) (?:a |the |your )?minimum income floor(?: of ${MONEY}| to your| for your| from| instead)|(?:the |a |your )?minimum income floor (?:now |will now )?(?:applies|will apply|has been applied|is being applied|will be applied|has started) (?:to you\b|to your|from (?:your|the|\d)))`,
  ),
  // A statement's own line: "Your payment for 9 August to 8 September 2025 is £203.11" (every statement can be
  // challenged; not "your payment for … will be in your account on …").
  rule(
    'payment-for-period',
    String.raw`\byour (?:${UC} )?payment for (?:the assessment period )?${SHORT_DATE} (?:to|-|until) ${SHORT_DATE} (?:is|will be|was) £?\d`,
  ),
  // A post's or a note's title that is its outcome: "UC stopped - what now?", "Housing element refused - landlord
  // furious", "LCWRA refused!!", "Childcare costs got refused." (not a question: "UC stopped?"; an advance or a
  // hardship payment refused is no decision: REFUSALS).
  rule(
    'title-outcome',
    String.raw`(?:^|\n)(?:${SHORT_DATE} )?(?:(?:my|our|his|her) (?:payments?|money|benefits?|award)|(?:(?:my|our|his|her|the) )?(?:${UC}|claim|housing (?:element|costs?|payment)|rent (?:element|part)|childcare(?: (?:element|costs?))?|lcwra?|lcw element|carer'?s? element|child (?:element|amount)|disabled child (?:element|addition)|pip))(?: claim)? (?:(?:got|has been|have been|was|were|been) )?(?:stopped|refused|rejected|cut|reduced|turned down|taken away|removed|closed|ended|denied|halved|sanctioned)(?= ?(?:[-:!.,]|\n|$))(?![^\n]{0,60}\b(?:how to|what to do|explained|guide|plans?|could|would|if)\b)`,
  ),
];

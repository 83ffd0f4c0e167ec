// The MRN rules: the outcome of a mandatory reconsideration, which gives the
// right to appeal. Checked before the decision rules: an MRN repeats the decision it looked at.
import { CHANGED, DECISION_KEPT_ITSELF, LOOKED_AGAIN_THEN_OUTCOME, MR_ASKED_THEN_DECIDED } from './mr-stories';
import { type Rule, rule } from './rule';
import {
  HAVE,
  MR_ABOUT,
  MR_NAME,
  NEGATIONS,
  NOT_AFTER_CY,
  NOT_ASKED,
  NOT_MEANWHILE,
  NOT_PENDING,
  NOT_PENDING_CY,
  NOT_YET,
  notAfter,
  notSoonBefore,
  OTHER_PEOPLE,
  SHORT_DATE,
  SUCCESSFUL,
  UC,
  WHOSE,
} from './words';

export const MRN_RULES: readonly Rule[] = [
  // The notice named: its heading, "your mandatory reconsideration notice" (not "a mandatory reconsideration notice
  // is the letter…", "we'll put a mandatory reconsideration notice in your journal", "what is a … notice?").
  rule('mrn-heading', String.raw`(?<!\b(?:a|an) )\bmandatory reconsideration notice(?![^.!\n]{0,40}\?)`),
  // "Here is your MRN", "DWP subsequently issued an MR Notice", "received DWP's response, in the form of a 'MR Notice'".
  rule(
    'mrn-named',
    String.raw`\b(?:(?:this is|here is|attached is|uploaded|(?:dwp|they|we|the dwp|the decision maker|dm)(?: have| has| subsequently| then| later| finally)? (?:issued|sent)) (?:your|the|a|an|their|his|her|my|our) ["'“”]?(?:mrn|mr notice|mandatory reconsideration notice)|(?:(?:i|we|he|she|client|my client)(?: have| has)? (?:received|got)|in the form of) (?:your|the|a|an|their|his|her|my|our) ["'“”]?(?:mr notice|mandatory reconsideration notice))\b(?! form| request)`,
  ),
  rule(
    'mrn-looked-again',
    String.raw`\b(?:we|i|the decision maker|a decision maker|dm)${HAVE} (?:now )?(?:looked again at|reconsidered|re-considered)(?: and (?:revised|changed|kept|not changed))? (?:the|your|our|my|this|that)(?! (?:[\w'-]+ )?(?:to-?do|commitment|cv|job|work search|appointment|availability|hours|action plan|journal))`,
  ),
  rule(
    'mrn-looked-at-decision-again',
    String.raw`\b(?:we|i|the decision maker)${HAVE} (?:now )?(?:looked at|reviewed|considered|gone over) (?:the|your|our|my|this|that) [^.!?\n]{0,40}?decision again`,
  ),
  // In people's words: "DWP looked at it again and said no", "they've looked at the decision again and kept it",
  // "they looked again and still the same", "they have looked again and changed the decision", "they have reconsidered
  // and still I must pay all of it"
  // (not "they will look at it again", "have they looked at it again?").
  rule(
    'mrn-they-looked-again',
    String.raw`${NOT_ASKED}\b(?:they|dwp|the dwp|uc|the decision maker|dm)${HAVE} (?:(?:looked at|gone over|reviewed) (?:it|this|that|(?:the|my|his|her|their) (?:decision|claim|case|sanction|overpayment|deduction|reduction|housing costs|childcare costs|lcw|lcwra|wca)) again|looked again|had another look|reconsidered),? (?:and|but)(?: (?:they|dwp|it))?(?: (?:have|has|is|was|'s))?(?: still)? (?:said no|refused|kept|upheld|nothing (?:is |has )?chang\w*|(?:i|we|he|she|you) (?:must|have to|has to|need to|needs to) (?:pay|repay)|(?:didn't|did not|haven't|have not|hasn't|has not|won't|wouldn't|would not|will not) changed?|the same|no change|(?:changed|revised|overturned|reversed|lifted|removed) (?:it|the (?:original )?decision|their minds?|the sanction))${NOT_PENDING}`,
  ),
  rule(
    'mrn-looked-at-mr',
    String.raw`${NOT_ASKED}${notAfter(`${NEGATIONS}|if|when|once|until|will|to|nobody|no one|noone|coach`)}\b(?:looked at|considered|reviewed|decided) (?:your|my|his|her|their|the) (?:mandatory reconsideration|mr)\b(?! (?:request|form|route|option|process|paperwork))${NOT_PENDING}`,
  ),
  // "The result of your mandatory reconsideration", "outcome of my MR", "Result of 'Mandatory Reconsideration'"
  // (not a promise of one: "we will write to you with the result of your MR", "we aim to tell you the outcome";
  // not still awaited: "still not had the outcome of my MR";
  // "we are writing to tell you the outcome of your MR" is the MRN itself).
  rule(
    'mrn-outcome',
    String.raw`(?<!\b(?:will|'ll|aim to|try to|able to) (?:\w+ )?(?:write|tell|let you know|inform|send|contact)\b[^.!?\n]{0,30})${notAfter(`${NEGATIONS}|still|no|yet to|chasing|chase`)}\b(?:result|outcome) of (?:your |the |my |his |her |their |a )?['"]?(?:mandatory reconsideration|mr)\b`,
  ),
  // "My MR came back: no change", "the mandatory reconsideration has come back unchanged" (not "when it comes back").
  // "My MR came back", "the MR on the client's overpayment came back today", "MR came back today - no change"
  // opening a note (not "has your MR come back yet?",
  // "when the MR comes back", "if the MR came back negative").
  rule(
    'mrn-came-back',
    String.raw`${NOT_ASKED}${notAfter(`${NEGATIONS}|if|when|once|until|soon as`)}(?<!\b${OTHER_PEOPLE}'s )\b(?:${WHOSE}${MR_NAME}(?: [^.!?\n]{1,40}?)?|(?:${MR_NAME}|mrn))(?:'s back| (?:came (?:back|bk|bak|through)|(?:has|have) (?:now |finally )?come (?:back|bk|bak|through)|is back|was back|(?<=(?:^|[.!?\n] ?)(?:${MR_NAME}|mrn) )back))\b(?<!(?:19|20)\d\d ?[-:]? ?(?:${MR_NAME}|mrn) [a-z\s]{4,20})(?! (?:from [^.!?\n]{1,20}? )?(?:asking|wanting|requesting|needing|for more|to (?:me|us) (?:for|asking)))(?! (?:with (?:the|a|an|dwp|them|another)|in the post|to (?:the|dwp|them|uc)|for (?:another|a second|a further)|on (?:the|my|his|her) desk)\b)${NOT_PENDING}`,
  ),
  // "MR result: not changed", "Mandatory reconsideration decision - no change", "MR verdict: nope", "MR result's
  // in!!" (not "is the MR result in yet?", "when the MR result is back"; "reconsideration outcome: …" below).
  rule(
    'mrn-result-line',
    String.raw`\b(?:(?:mr|mandatory reconsideration|recon) (?:result|decision|outcome|verdict|answer)(?: (?:for|on|about) [^.!?\n:]{1,40}?)?|mandatory reconsideration decision) ?[:-] ?(?:[^.!?\n]{0,60}?\b(?:they|dwp|dm|we) (?:have |'ve )?(?:agreed|accepted|changed|revised|refused|upheld|kept)\b|no change|not changed|unchanged|not revised|revised|changed|refused|upheld|disallowed|(?:nope|no|lost|won|successful|unsuccessful)(?= ?(?:[.!,;-]|\n|$)))|${notAfter(`${NOT_YET}|is|has`)}\b(?:mr|mandatory reconsideration|recon) (?:result|outcome|verdict|answer|decision)(?:'s| is| has)(?: finally| now)? (?:come )?(?:in|back|here|out)\b(?! (?:yet|soon))(?![^.!\n]{0,30}\?)`,
  ),
  // "Your MR was unsuccessful", "my mandatory reconsideration got turned down" (not "if your MR is refused, …").
  rule(
    'mrn-mr-done',
    String.raw`(?<!\b(?:if|when|once|whether|unless|until|in case) )(?:\b${WHOSE}(?:request for (?:a |an )?)?|(?<=^|[.!?\n] ?))${MR_NAME}(?: request)?${MR_ABOUT}(?:(?: has been|'s been| was| is| got| has| had been)? (?:${SUCCESSFUL}|refused|rejected|turned down|declined|overturned|upheld)\b|(?: has been|'s been| was| is| got| has| had been) completed(?![^.!?\n]{0,30}\b(?:sent|passed|forwarded|handed) (?:on )?to\b)| went (?:against (?:me|him|her|them|us|you)|(?:my|his|her|their|our) way|in (?:my|his|her|their|our|the claimant's|the client's) favour)| failed(?! to)| (?:says|said|came back) no\b|(?: has been|'s been| was| got) (?:answered|replied to)\b)${NOT_PENDING}|${notAfter(`if|when|once|whether|unless|until|anyone|anybody|think|${NEGATIONS}`)}\b(?:lost|won) (?:my|his|her|the|our) (?:mandatory reconsideration|mr)\b${NOT_PENDING}`,
  ),
  // "They refused my MR", "DWP rejected his mandatory reconsideration", "they rejected my MR, what now?" (not
  // "they may refuse", "if they reject", "have they rejected my MR yet?").
  rule(
    'mrn-they-refused-mr',
    String.raw`${NOT_ASKED}(?<!\b(?:if|when|once|whether|unless|in case) )\b(?:they|dwp|dm|the decision maker|uc)${HAVE} (?:refused|rejected|turned down|declined|said no to) (?:my|the|his|her|their|your) (?:mandatory reconsideration|mr)\b${NOT_PENDING}`,
  ),
  // "I've had my MR back, no change", "got the mandatory reconsideration back today" (not "haven't got my MR back",
  // "I have not yet had my MR back", "has he had his MR back?", "when I get it back").
  rule(
    'mrn-had-back',
    String.raw`${notAfter(`you|'d|would|should|${NEGATIONS}|${OTHER_PEOPLE}`)}\b(?:(?:had|got|received) (?:my|the|his|her|their) ${MR_NAME}(?: decision| result| outcome| letter)? back|(?:heard|had|got) (?:word )?back (?:on|about|from [^.!?\n]{1,30}? about) (?:my|the|your|his|her|their) ${MR_NAME}|(?:got|come|came) back to (?:me|us) (?:about|on|regarding|re) (?:the|your|my|his|her|their) ${MR_NAME}|heard back from (?:my|the|his|her|their) ${MR_NAME})\b(?! (?:request|team|form|meeting|office))(?![^.!\n]*\?)`,
  ),
  // The notice itself as people name it when it comes: "got my MRN today", "I've received the MRN", "just had
  // my MRN back", "my MRN arrived" (not "I haven't got my MRN yet", "have you got your MRN?", "when you get
  // your MRN", "as soon as I've got my MRN", "make sure you've received the MRN", "they got my MRN", which
  // people also say of their own MR request, "the MRN form").
  rule(
    'mrn-received',
    String.raw`${notAfter(`you|you've|you'd|${NEGATIONS}|when|once|until|till|til|soon as|sure|must|should|after|before|if|they|dwp|jobcentre|will|find|see|check|look|where`)}\b(?:(?:got|had|received|recieved|rec'd|recd) (?:back )?(?:(?:my|the|his|her|their|our|an|a|client's) )?mrn(?! form| request)|(?:my|his|her|their|the) mrn (?:has |have |finally )?(?:arrived|came|come|turned up|is here|is back)|(?:${WHOSE}|an? )?mrn (?:is |was |has been |now )?(?:in|on|uploaded to|attached to|put (?:in|on)|posted (?:in|on|to)|added to|appeared in|appeared on|landed in|landed on|showed up in|showed up on) ${WHOSE}(?:journal|account)|mrn (?:(?!(?:will|would|should|when|if|once)\b)[^.!?\n]){0,30}? (?:was|has been|is|got) (?:attached|uploaded|added|put|posted) (?:to|in|on|into) ${WHOSE}(?:journal|account))\b${NOT_PENDING}`,
  ),
  // The MR's own letter put in the journal: "Your mandatory reconsideration decision letter has been uploaded".
  rule(
    'mrn-letter-uploaded',
    String.raw`${notAfter(`no|${NEGATIONS}|when|once|until|if`)}\b(?:mandatory reconsideration|reconsideration|mr|mrn) (?:decision |outcome |result )?letter (?:(?:has been |was |now )?(?:uploaded|added|attached|sent|issued|posted)\b|(?:has |'s |have |finally |just )?(?:came|come|arrived|turned up)\b(?! (?:at|to|back)\b))${NOT_PENDING}`,
  ),
  // "The reconsidered decision is that you are not entitled." (not "the reconsidered decision will be sent to you")
  rule('mrn-reconsidered-decision', String.raw`\bthe reconsidered decision (?:is|was|says|states)\b`),
  // "We have reviewed the decision about your LCW and it stays the same" (an MR answered without the letter's words).
  rule(
    'mrn-reviewed-unchanged',
    String.raw`\b(?:we|i|the decision maker|a decision maker|dm)${HAVE} (?:now )?(?:reviewed|looked at|checked|gone through) (?:the|your|our|this|that) decision\b[^.!?\n]{0,60}?(?:,| and) (?:it|the decision|our decision|this|that) (?:stays the same|remains the same|is unchanged|remains unchanged|has not changed|hasn't changed|still stands)`,
  ),
  rule(
    'mrn-not-changed',
    String.raw`\b(?:(?:we|i)${HAVE} (?:not|decided not to) (?:change|changed)|decided not to (?:change|revise|alter)|decided to keep) (?:the|our|my|this|that|their) (?:original )?decision(?! (?:letter|notice|date))`,
  ),
  // The decision kept, with what it was about between: "the decision that you are not entitled … has not been
  // changed" (not "the decision has not changed while we look at your request", "… still stands until then").
  rule(
    'mrn-decision-stands',
    String.raw`\b(?:original |the |our )decision(?: (?:that|to|about|on|which) (?:(?!\b(?:and|but|so) (?:it|this|that|we|they)\b)[^.!?\n]){1,140}?)? (?:still )?(?:stands|has not (?:been )?changed|hasn't (?:been )?changed|remains (?:the same|unchanged)|is unchanged|is (?:still )?the same as (?:before|it was))${NOT_MEANWHILE}|\breconsideration(?: decision)?:? (?:decision )?(?:not changed|not revised|unchanged)`,
  ),
  // "We have been unable to change the decision", "I am not able to change our decision" (not "… until you send").
  rule(
    'mrn-cannot-change',
    String.raw`\b(?:we|i|the decision maker|dm)(?:'re|'m|'ve been| are| am| have been| were| was)? (?:unable to|not able to|cannot|can't|could not|couldn't|can not|(?:have not|haven't) been able to) (?:change|revise|alter) (?:the|our|my|this|that|your) (?:original )?decision${notSoonBefore(`until|unless|if|without|by phone|over the phone`, 40)}`,
  ),
  // "The decision dated 4 March has been reconsidered", "the reconsideration did not change the decision".
  rule(
    'mrn-decision-reconsidered',
    String.raw`\b(?:the|our|my|this|that|your) (?:original )?decision(?: (?:dated|of|made on|about) [^.!?\n]{1,40}?)? (?:has been|was|have been) (?:reconsidered|looked at again)|\breconsideration (?:did not|didn't|has not|hasn't|does not) change (?:the|our|my|your|this) decision`,
  ),
  // "You can now appeal", "you can now ask an independent tribunal to look at this decision".
  rule('mrn-can-now-appeal', String.raw`\byou can now (?:appeal|ask (?:a|an|the) (?:independent )?tribunal|apply to (?:a|an|the) (?:independent )?tribunal)`),
  // The appeal paragraph of an MRN, also when OCR lost words around it: "you can appeal ... within one month of the date of this notice".
  rule('mrn-appeal-within', String.raw`\byou can (?:[a-z]+ )?appeal\b[^.!?]{0,60}? within (?:one|1) month of the date of this notice`),
  rule(
    'mrn-shorthand',
    String.raw`${notAfter('awaiting|await|waiting|chased|chasing|chase|pending|expecting|expect|no|about|for')}\b(?:mr (?:refused|rejected|turned down|declined|outcome|unsuccessful|not successful|upheld|decision)|(?<!\b(?:was|were|is|had|has|have|get|got) (?:your|their|his|her|the|my|an?) )mr (?:won|lost(?! in| by)|successful|overturned|revised)${NOT_PENDING}|(?<!\bcopy (?:of )?(?:the )?)mrn (?:attached|issued|uploaded|sent|enclosed|is on)|(?<!\b(?:hop(?:e|es|ing|efully)|if|whether|last year|years ago|back in (?:19|20)\d\d)\b[^.!?\n]{0,40})(?:revised|changed|upheld|maintained|refused|overturned|reversed|reduced|removed|lifted|cancelled|withdrawn|reinstated)(?: (?:it|(?:the|my|his|her|their|your|our)(?: [\w'-]+){0,3}? (?:decision|sanction|award|element|overpayment|deduction|reduction|claim|lcwra?|costs?|amount)))? (?:at|on) (?:mandatory reconsideration|mr|reconsideration)\b(?! [a-z]+'s\b)${NOT_PENDING}|appeal rights apply)|${notAfter(`no|${NEGATIONS}|when|once|until|if|awaiting|await|waiting|chased|chasing|chase|pending|expecting|expect|for`)}\bmrn (?:(?:(?:dated|of|from) )?${SHORT_DATE} )?(?:rec'd|recd|received|arrived|came|back)\b(?! by (?:hmcts|the tribunal|tribunal|the court|court)\b| in (?:19|20)\d\d\b| (?:last year|years ago))${NOT_PENDING}`,
  ),
  rule(
    'mrn-they-not-changed',
    String.raw`\b(?:they|dm|decision maker)${HAVE} (?:not|decided not to|did not|didn't|didnt|would not|wouldn't|wouldnt|won't|wont) (?:change|changed|alter|revise) (?:(?:the|their|this|that|my|his|her|your|our) )?(?:original )?(?:decision|decison|descision|desicion)`,
  ),
  // The MR done, in the reviewer's words: "we have completed your mandatory reconsideration", "I have now carried out the reconsideration".
  rule(
    'mrn-completed',
    String.raw`(?<!\b(?:after|once|when|until|before) )\b(?:(?:we|the decision maker|a decision maker|dm|they|dwp)${HAVE} (?:now )?(?:completed|finished|carried out|done|did) (?:the|your|a|our|my|his|her|their)|i${HAVE} (?:now )?(?:completed|finished|carried out) (?:the|your)) (?:(?:mandatory )?reconsideration|mr\b)(?! (?:form|request|application|online))${NOT_PENDING}`,
  ),
  // "We have considered your request for mandatory reconsideration", "the result of your request for a reconsideration".
  rule(
    'mrn-request-considered',
    String.raw`\b(?:(?:we|i|the decision maker|dm)${HAVE} (?:now )?(?:looked at|considered|reviewed)|(?:result|outcome) of) your request (?:for (?:a |an )?(?:mandatory )?reconsideration|for us to (?:reconsider|look again|look at [^.!?\n]{0,40}? again))`,
  ),
  rule(
    'mrn-decision-correct',
    String.raw`\b(?:the )?(?:original|earlier|previous) decision (?:was|is|remains|has been) (?:still )?(?:correct|right|upheld|confirmed|maintained)`,
  ),
  // An MR that changed nothing, in anyone's words: "the 13 week sanction was upheld", "we have upheld the decision",
  // "DM has upheld decision".
  rule(
    'mrn-upheld',
    String.raw`\b(?:decision|sanction)s? (?:(?:was|has|have|were|is|had)(?: already)?(?: been)? )?(?:made and )?upheld|\b(?:we|i|they|the decision maker|decision maker|dm|dwp)${HAVE} (?:now )?upheld (?:(?:the|our|my|this|that|his|her|their|your) )?(?:original |first |earlier )?(?:decision|sanction)`,
  ),
  // The decision someone disputed, looked at again: "a decision maker has reviewed the decision you disagreed
  // with", "we have looked at the decision you asked us to check"; and an adviser's "decision unchanged".
  rule(
    'mrn-disputed-decision-reviewed',
    String.raw`\b(?:reviewed|looked at|looked again at|reconsidered|considered|checked) the decision (?:that )?you (?:disagreed with|disagree with|asked us to (?:look at|check|change|reconsider)(?: again)?|challenged|disputed)`,
  ),
  rule('mrn-decision-unchanged', String.raw`\b(?:original )?decision (?:is |remains |was |has been )?(?:unchanged|not changed|not revised)\b${NOT_PENDING}`),
  rule('mrn-reconsideration-outcome', String.raw`\b(?:mandatory )?reconsideration (?:outcome|result)s?\b`),
  // Welsh: "hysbysiad ailystyriaeth orfodol", "we have reconsidered", "you can appeal to the tribunal", "you asked us
  // to reconsider / look again at".
  rule(
    'mrn-welsh',
    String.raw`\b(?:hysbysiad ailystyriaeth orfodol|rydym wedi ailystyried|gallwch apelio i'r tribiwnlys|gallwch apelio nawr|nid yw'r penderfyniad wedi newid|${NOT_AFTER_CY}(?:(?<!'n |yn )(?:(?:wedi )?cael|cefais|cafodd|cawsom) (?:y|yr|fy|ei|eu) |(?:c[ae]s|g[ae]s) i(?:'r| y| yr| fy) )(?:llythyr )?(?:mr|ailystyriaeth(?: orfodol)?) (?:yn ôl|nôl|yn ol)${NOT_PENDING_CY}|${NOT_AFTER_CY}(?:ail-?ystyriaeth(?: orfodol)?|mr) wedi dod (?:yn ôl|nôl|yn ol|nol)${NOT_PENDING_CY}|canlyniad (?:eich |yr |eich cais am )?(?:ail-?ystyriaeth|mr\b)|(?:gofynnoch|fe ofynnoch)(?: chi)? i ni (?:ailystyried|edrych eto ar))`,
  ),
  rule('mrn-notice', String.raw`(?<!\b(?:a|an) (?:mandatory )?)\breconsiderat\w* notice(?![^.!\n]{0,40}\?)`),
  // "You asked us to look again at our decision" opens an MRN, and an acknowledgement too: not when a decision is
  // still to come ("… We will let you know when we have made a decision").
  rule(
    'mrn-you-asked',
    String.raw`\byou asked (?:us|the decision maker|dwp) to (?:look again at|reconsider|look at (?:the|our|your|this) [^.!?\n]{0,30}?again)(?![^?]{0,120}?\b(?:(?:will|'ll) (?:let you know|tell you|write to you)(?: [a-z]+){0,3}? (?:when|once|after|as soon as) (?:we|they|a decision|the decision)|(?:when|once|after|before|as soon as) (?:we|they|the decision maker) (?:have|has) (?:made|reached|taken) (?:a|our|the|their) decision|(?:is|are) (?:still )?(?:looking|being looked) at|during this time|in the meantime|while (?:we|this|it)))`,
  ),
  rule('mrn-looked-again-all', String.raw`\b(?:we|i|the decision maker|a decision maker|dm)${HAVE} (?:now )?looked again at (?:all|everything)`),
  // Tolerant of one stray word and a misspelt "tribunal" (photos read by OCR: "You can sow appeal to un independent tibunal").
  rule(
    'mrn-appeal-to',
    String.raw`\b(?=you can )(?<!\b(?:after|then|once|next|first)\b[^.!?\n]{0,60})you can (?:[a-z]+ )?appeal to (?:hm courts|hmcts|(?:an? |un |the )?(?:independent )?t[a-z]{0,3}unal)${notSoonBefore(`only after|after (?:we|you) have|once (?:we|you) have|when (?:we|you) have|until|first`, 60)}`,
  ),
  rule(
    'mrn-following',
    String.raw`\bfollowing (?:your |the |a |his |her |their )?(?:request for (?:a |an )?)?(?:(?:mandatory )?reconsideration|mr\b)(?: request)?[^.!?\n]{0,20}? (?:we|i|the decision maker|dm)(?:'ve| have| has) (?:revised|changed|not changed|decided|looked|reconsidered)|\bfollowing your request(?: (?:of|dated|made on|from) ${SHORT_DATE})?\)?[:,;]? (?:we|i|the decision maker|dm)(?:'ve| have| has) (?:now )?(?:revised|changed|not changed|looked again at|reconsidered|kept) (?:the|our|your) (?:original )?decision\b|\bfollowing (?:your |the |his |her |their )?(?:(?:mandatory )?reconsideration|mr\b)[^.!?\n]{0,40}? (?:will now be|has now been|has been|have been|is now) (?:paid|awarded|included|changed|revised|reinstated|restored|backdated|increased)\b`,
  ),
  // The first decision kept or agreed with, by whoever looked again: "a different decision maker has looked at it
  // and upheld the original decision", "they agreed with the first decision".
  rule(
    'mrn-original-kept',
    String.raw`${NOT_ASKED}${notAfter(NEGATIONS)}\b(?:upheld|kept|confirmed|maintained|agreed with|stood by|stuck with) (?:(?:the|our|their) )?(?:original|orig\.?|first|earlier|previous|initial) (?:decision|dec\b\.?|sanction)(?! (?:letter|date|notice|to\b))${NOT_PENDING}`,
  ),
  // A second look that is done, then what it found (see SECOND_LOOK in mr-stories.ts): "we've had another look at your sanction
  // decision like you asked. We're sorry but the sanction stays", "we looked at your sanction again. It still applies".
  rule('mrn-looked-again-outcome', LOOKED_AGAIN_THEN_OUTCOME),
  // What it found first, then the second look the claimant asked for: "the sanction stays after the review I asked
  // for", "they changed it following the reconsideration we requested".
  rule(
    'mrn-outcome-after-review',
    String.raw`(?<!\b(?:tribunal|judge|appeal)\b[^.!?\n]{0,40})(?:${DECISION_KEPT_ITSELF}|${CHANGED})(?! (?:the )?(?:new |same )?(?:[\w'-]+ )?(?:hours|appointments?|commitments?|time|date|interview|meeting|availability|work search|job search)\b)(?:(?!\b(?:until|till|while|pending|for now|meantime|during|decide|decision is made|works on)\b)[^.!?\n]){0,60}?\b(?:after|following) (?:the|my|his|her|your|their|our) (?:review|reconsideration|mandatory reconsideration|mr|second look) (?:that )?(?:i|you|he|she|we|they)(?:'d| had)? (?:asked for|requested|sent in|put in)${notSoonBefore(`while|until|pending|is (?:still )?being`, 60)}${NOT_PENDING}`,
  ),
  rule('mrn-asked-then-decided', MR_ASKED_THEN_DECIDED),
  // The MR answered in people's words: "DWP agreed with me on the MR", "they sided with him at mandatory
  // reconsideration", "DWP stuck to their guns on my MR" (not "I hope they agree with me on the MR", "have they agreed with you on the MR?").
  rule(
    'mrn-agreed-or-stood-firm',
    String.raw`${NOT_ASKED}${notAfter(NOT_YET)}\b(?:they|dwp|the dwp|dm|the dm|the decision maker|${UC})${HAVE} (?:(?:finally )?(?:agreed|sided) with (?:me|us|him|her|them|my client|the claimant)|stuck to (?:their|its|his|her) guns|stood firm|held firm|(?:didn't|did not|would not|wouldn't|refused to) budge)(?: on| about| over| at| in| with)? (?:(?:the|my|his|her|their|our) )?${MR_NAME}${NOT_PENDING}`,
  ),
  // A decision on the MR itself: "we have now made a decision on your request for a mandatory reconsideration".
  rule(
    'mrn-decision-on-request',
    String.raw`${notAfter(`${NEGATIONS}|will|'ll|to|soon as`)}\b(?:made|reached|taken) (?:a|our|my|the|their) decision (?:on|about) (?:your|the|his|her|their) (?:request for (?:a |an )?)?(?:(?:mandatory )?reconsideration|mr\b)${NOT_PENDING}`,
  ),
  // The MR's outcome received: "got the decision on my MR today", "they answer my reconsider" (not "still not had the
  // decision on my MR", "have they answered your MR?").
  rule(
    'mrn-decision-on-mr',
    String.raw`${notAfter(`${NOT_YET}|still`)}\b(?:got|received?|had)(?: (?:today|yesterday|this morning|back))? (?:the |my |a |an )?(?:decision|outcome|result|answer|reply|response) (?:on|about|of|for|to) (?:my|the|his|her|their|our) (?:${MR_NAME}|mrn)${NOT_PENDING}|${NOT_ASKED}${notAfter(`${NOT_YET}|still`)}\b(?:they|dwp|the dwp|dm|the dm|the decision maker|${UC})${HAVE} (?:now |finally )?(?:answer|answered|replied to|responded to) ${WHOSE}(?:${MR_NAME}|mrn)${NOT_PENDING}|${notAfter(`${NOT_YET}|still|no|any|waiting|wait|for|chasing|chase|expect|expecting|await|awaiting`)}\b(?:(?:answer|reply|response) (?:to|for|on|about) ${WHOSE}${MR_NAME}|${MR_NAME} (?:answer|reply|response|result|outcome) (?:has |have )?(?:now |finally )?(?:came|come|arrived|landed|is in|in|on|uploaded)|${MR_NAME} (?:answer|reply|response) ?(?:-|:) ?(?:they|dwp|the dm|dm)\b)\b${NOT_PENDING}`,
  ),
  // Welsh: "MRN wedi dod heddiw – dim newid" (the notice has come today; not "Ydy'r MRN wedi dod?", "… eto").
  rule(
    'mrn-came-cy',
    String.raw`${NOT_AFTER_CY}(?<!\b(?:ydy|ydi|a yw)(?:'r| yr)? )\b(?:(?:yr |y )?mrn|hysbysiad ailystyriaeth(?: orfodol)?) wedi (?:dod|cyrraedd)\b(?! eto)(?![^.!,?\n–-]{0,40}\?)`,
  ),
  // "The decision stays the same", after the rules above so theirs is the name given (not "…stays the same unless you send").
  rule('mrn-decision-stays', String.raw`\b(?:original |the |our )decision (?:still )?stays the same${notSoonBefore(`until|unless|if|while|for now|pending`, 30)}`),
];

// Welsh Universal Credit messages read in English words, for the model only.
// DWP writes to Welsh speakers in Welsh (or Welsh then English), and the
// corpus has far fewer Welsh texts than English ones. So the recogniser also
// reads an English "shadow" of a Welsh message: its known phrases turned into
// the English words DWP uses for them ("costau tai" → "housing costs",
// "rydym wedi cau eich hawliad" → "we have closed your claim"), with the
// English word order, so English words, word pairs and kind key phrases the
// model learned also count for the Welsh text. Mutated forms are listed
// ("gredyd", "daliad", "nghanolfan"). Words are compared after modelText()
// (lower case, apostrophes inside words dropped: "sy'n" → "syn").

/** Welsh phrase → the English DWP uses, longest phrases first within each first word. */
const PHRASES: ReadonlyArray<readonly [welsh: string, english: string]> = [
  // The benefit and the account.
  ['credyd cynhwysol', 'universal credit'],
  ['gredyd cynhwysol', 'universal credit'],
  ['nghredyd cynhwysol', 'universal credit'],
  ['chredyd cynhwysol', 'universal credit'],
  ['hawliad', 'claim'],
  ['hawl', 'entitled'],
  ['dyddlyfr', 'journal'],
  ['cyfrif', 'account'],
  ['cyfnod asesu', 'assessment period'],
  ['datganiad', 'statement'],
  ['lwfans safonol', 'standard allowance'],
  ['lwfans', 'allowance'],
  ['datganiad taliad', 'payment statement'],
  ['faint', 'how much'],
  ['cynilion', 'savings'],
  ['gynilion', 'savings'],
  ['treth gyngor', 'council tax'],
  ['canlyniad', 'outcome'],
  ['ganlyniad', 'outcome'],
  ['taliadau', 'payments'],
  ['taliad ymlaen llaw', 'advance payment'],
  ['daliad ymlaen llaw', 'advance payment'],
  ['taliad caledi', 'hardship payment'],
  ['daliad caledi', 'hardship payment'],
  ['taliad', 'payment'],
  ['daliad', 'payment'],
  ['thaliad', 'payment'],
  ['nhaliad', 'payment'],
  ['ymlaen llaw', 'in advance'],
  ['caledi', 'hardship'],
  // Decisions and challenges.
  ['rydym wedi penderfynu', 'we have decided'],
  ['penderfynu', 'decided'],
  ['penderfyniad', 'decision'],
  ['benderfyniad', 'decision'],
  ['mhenderfyniad', 'decision'],
  ['penderfynwr', 'decision maker'],
  ['nid oes gennych hawl', 'you are not entitled'],
  ['nid oes gennych', 'you do not have'],
  ['nad oes gennych hawl', 'you are not entitled'],
  ['nad oes gennych', 'you do not have'],
  ['does gennych chi ddim hawl', 'you are not entitled'],
  ['ddim hawl', 'not entitled'],
  ['wedi edrych eto ar', 'have looked again at'],
  ['edrych eto ar', 'look again at'],
  ['cais am ailystyriaeth orfodol', 'request for mandatory reconsideration'],
  ['cais', 'application'],
  ['hysbysiad ailystyriaeth orfodol', 'mandatory reconsideration notice'],
  ['ailystyriaeth orfodol', 'mandatory reconsideration'],
  ['ailystyriaeth', 'reconsideration'],
  ['rydym wedi ailystyried', 'we have reconsidered'],
  ['wedi ailystyried', 'have reconsidered'],
  ['nid ywr penderfyniad wedi newid', 'the decision has not changed'],
  ['nid ydym wedi newid', 'we have not changed'],
  ['nid ydym wedi ei newid', 'we have not changed it'],
  ['ailystyried', 'reconsider'],
  ['gorfodol', 'mandatory'],
  ['orfodol', 'mandatory'],
  ['apelio', 'appeal'],
  ['apêl', 'appeal'],
  ['tribiwnlys', 'tribunal'],
  ['anghytuno', 'disagree'],
  ['egluro pam', 'explain why'],
  ['egluro', 'explain'],
  ['esboniad ysgrifenedig', 'written explanation'],
  ['rhesymau ysgrifenedig', 'written reasons'],
  ['rhesymau', 'reasons'],
  ['ysgrifenedig', 'written'],
  // Money taken or paid back.
  ['sancsiwn', 'sanction'],
  ['sancsiynau', 'sanctions'],
  ['lleihau', 'reduce'],
  ['leihau', 'reduce'],
  ['gordaliad', 'overpayment'],
  ['talu gormod', 'paid too much'],
  ['adennill', 'recover'],
  ['dalu n ôl', 'pay back'],
  ['talu n ôl', 'pay back'],
  ['didyniadau', 'deductions'],
  ['didyniad', 'deduction'],
  ['ôl ddyledion', 'arrears'],
  ['ddyledion', 'arrears'],
  ['dyled', 'debt'],
  ['cyfalaf', 'capital'],
  ['gyfalaf', 'capital'],
  ['enillion', 'earnings'],
  // Housing and childcare.
  ['costau tai', 'housing costs'],
  ['gostau tai', 'housing costs'],
  ['chostau tai', 'housing costs'],
  ['costau gofal plant', 'childcare costs'],
  ['gostau gofal plant', 'childcare costs'],
  ['chostau gofal plant', 'childcare costs'],
  ['gofal plant', 'childcare'],
  ['costau', 'costs'],
  ['gostau', 'costs'],
  ['rhent', 'rent'],
  ['tai', 'housing'],
  // Work, health and appointments.
  ['anogwr gwaith', 'work coach'],
  ['canolfan waith', 'jobcentre'],
  ['ganolfan waith', 'jobcentre'],
  ['nghanolfan waith', 'jobcentre'],
  ['canolfan byd gwaith', 'jobcentre'],
  ['ganolfan byd gwaith', 'jobcentre'],
  ['nghanolfan byd gwaith', 'jobcentre'],
  ['apwyntiad', 'appointment'],
  ['hapwyntiad', 'appointment'],
  ['fynychu', 'attend'],
  ['mynychu', 'attend'],
  ['reswm da', 'good reason'],
  ['rheswm da', 'good reason'],
  ['asesiad gallu i weithio', 'work capability assessment'],
  ['holiadur gallu i weithio', 'capability for work questionnaire'],
  ['gallu cyfyngedig i weithio', 'limited capability for work'],
  ['allu cyfyngedig i weithio', 'limited capability for work'],
  ['gweithgarwch syn gysylltiedig â gwaith', 'work related activity'],
  ['ffit i weithio', 'fit for work'],
  ['yn gallu gweithio', 'capable of work'],
  ['pwyntiau', 'points'],
  ['bwyntiau', 'points'],
  ['wyneb yn wyneb', 'face to face'],
  ['dros y ffôn', 'by phone'],
  ['gweithgaredd syn gysylltiedig â gwaith', 'work related activity'],
  ['asesiad iechyd', 'health assessment'],
  ['asesiad iechyd wyneb yn wyneb', 'face to face health assessment'],
  ['asesiad wyneb yn wyneb', 'face to face assessment'],
  ['asesiad', 'assessment'],
  ['holiadur', 'questionnaire'],
  ['nodiadau ffitrwydd', 'fit notes'],
  ['nodyn ffitrwydd', 'fit note'],
  ['ymrwymiadau hawlydd', 'claimant commitment'],
  ['ymrwymiad hawlydd', 'claimant commitment'],
  ['ymrwymiadau', 'commitments'],
  ['ymrwymiad', 'commitment'],
  ['chwilio am waith', 'look for work'],
  ['swydd', 'job'],
  ['gwaith', 'work'],
  ['weithio', 'work'],
  // To-dos, identity, changes, moving over.
  ['cadarnhewch pwy ydych chi', 'confirm your identity'],
  ['cadarnhau pwy ydych chi', 'confirm your identity'],
  ['pwy ydych chi', 'your identity'],
  ['gwirio pwy ydych chi', 'verify your identity'],
  ['wirio pwy ydych chi', 'verify your identity'],
  ['pasbort', 'passport'],
  ['trwydded yrru', 'driving licence'],
  ['drwydded yrru', 'driving licence'],
  ['cadarnhewch', 'confirm'],
  ['cadarnhau', 'confirm'],
  ['derbyniwch', 'accept'],
  ['derbyn', 'accept'],
  ['rhowch wybod i ni', 'tell us'],
  ['rhoi gwybod', 'report'],
  ['newidiadau', 'changes'],
  ['newid', 'change'],
  ['amgylchiadau', 'circumstances'],
  ['symud tŷ', 'moved house'],
  ['hysbysiad mudo', 'migration notice'],
  ['derbynebau', 'receipts'],
  ['dderbynebau', 'receipts'],
  ['derbynneb', 'receipt'],
  ['ad dalu', 'repay'],
  ['llenwch', 'fill in'],
  ['anfonwch', 'send'],
  ['anfon', 'send'],
  ['yn ôl', 'back'],
  ['erbyn', 'by'],
  ['oherwydd', 'because'],
  ['mae angen i chi', 'you need to'],
  ['rhaid i chi', 'you must'],
  ['gallwch', 'you can'],
  ['yn dod i ben', 'ends'],
  ['wedi dod i ben', 'has ended'],
  ['dod i ben', 'end'],
  ['wedi stopio', 'has stopped'],
  ['stopio', 'stop'],
  ['diolch', 'thank you'],
  ['neges', 'message'],
  ['ymateb', 'reply'],
  ['symud i gredyd cynhwysol', 'move to universal credit'],
  ['credydau treth', 'tax credits'],
  ['credyd', 'credit'],
  ['gredyd', 'credit'],
  ['cynhwysol', 'universal'],
  // Closing and the words around them.
  ['rydym wedi cau', 'we have closed'],
  ['wedi cau', 'has closed'],
  ['cau', 'close'],
  ['rydym wedi', 'we have'],
  ['rydym', 'we'],
  ['byddwn yn', 'we will'],
  ['byddwch yn', 'you will'],
  ['bydd', 'will'],
  ['eich', 'your'],
  ['chi', 'you'],
];

/** First word → its phrases, longest first. */
const BY_FIRST = new Map<string, Array<{ words: string[]; english: string }>>();
for (const [welsh, english] of PHRASES) {
  const words = welsh.split(' ');
  const list = BY_FIRST.get(words[0]!) ?? [];
  list.push({ words, english });
  BY_FIRST.set(words[0]!, list);
}
for (const list of BY_FIRST.values()) list.sort((a, b) => b.words.length - a.words.length);

// Words that are also ordinary English (or UC shorthand) do not show a text is Welsh on their own.
const ALSO_ENGLISH = new Set(['faint', 'tai', 'hawl', 'chi', 'cau', 'newid', 'rhent', 'derbyn', 'credyd', 'gwaith']);

/** At least this many Welsh phrases before a shadow is made, so English text never gets one. */
const MIN_WELSH_PHRASES = 2;

/**
 * The English shadow of a Welsh message's words (the output of modelText, split
 * on spaces), or null when the text is not Welsh. A run of words with no entry
 * becomes one "" (so no word pair spans it); the Welsh text itself is still read as it is.
 */
export function englishShadow(words: readonly string[]): string[] | null {
  const out: string[] = [];
  let found = 0;
  for (let i = 0; i < words.length;) {
    const match = BY_FIRST.get(words[i]!)?.find((p) => p.words.every((w, j) => words[i + j] === w));
    if (!match) {
      if (out.length && out[out.length - 1] !== '') out.push('');
      i++;
      continue;
    }
    if (match.words.length > 1 || !ALSO_ENGLISH.has(match.words[0]!)) found++;
    out.push(...match.english.split(' '));
    i += match.words.length;
  }
  return found >= MIN_WELSH_PHRASES ? out : null;
}

/**
 * One vocabulary for the channel kinds across regencies (issue 11): the UI names a channel by its
 * kind in the page's language, and adds the SOP's own label as detail when it says something else
 * ("WhatsApp (HP/WA)", "Telepon (telp)").
 */
const KIND_WORDS: Record<'id' | 'en', Record<string, string>> = {
  id: {
    'tatap-muka': 'Tatap muka',
    telepon: 'Telepon',
    fax: 'Faks',
    sms: 'SMS',
    whatsapp: 'WhatsApp',
    email: 'Email',
    website: 'Situs web',
    'media-sosial': 'Media sosial',
    facebook: 'Facebook',
    instagram: 'Instagram',
    surat: 'Surat',
    'kotak-pengaduan': 'Kotak pengaduan',
    'call-centre': 'Call center',
    lapor: 'SP4N-LAPOR!',
    lainnya: 'Lainnya',
  },
  en: {
    'tatap-muka': 'In person',
    telepon: 'Telephone',
    fax: 'Fax',
    sms: 'SMS',
    whatsapp: 'WhatsApp',
    email: 'E-mail',
    website: 'Website',
    'media-sosial': 'Social media',
    facebook: 'Facebook',
    instagram: 'Instagram',
    surat: 'Letter',
    'kotak-pengaduan': 'Complaint box',
    'call-centre': 'Call centre',
    lapor: 'SP4N-LAPOR!',
    lainnya: 'Other',
  },
};

const plain = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/** A channel in words: its kind's common name, with the SOP's own label after it when that differs. */
export function channelText(kind: string, label: string, lang: 'id' | 'en'): string {
  const word = KIND_WORDS[lang][kind] as string | undefined;
  if (!word) return label;
  const same = plain(label) === plain(word) || plain(label) === plain(KIND_WORDS.id[kind] ?? '') || plain(label) === plain(kind);
  return same || !label.trim() ? word : `${word} (${label})`;
}

/** What a refused form field says, in the page's language, where the browser would use its own. */
export const validityMessagesId = {
  validityMissing: 'Isian ini wajib diisi.',
  validityMissingSelect: 'Pilih salah satu dari daftar.',
  validityMissingCheck: 'Centang kotak ini untuk melanjutkan.',
  validityEmail: 'Tulis alamat e-mail yang lengkap, mis. nama@contoh.go.id.',
  validityUrl: 'Tulis alamat web yang lengkap, mis. https://contoh.go.id/terima.',
  validityPattern: 'Isian ini tidak sesuai bentuk yang diminta.',
  validityTooShort: 'Paling sedikit {min} karakter (kini {n}).',
  validityTooLong: 'Paling banyak {max} karakter (kini {n}).',
  validityUnderflow: 'Paling kecil {min}.',
  validityOverflow: 'Paling besar {max}.',
  validityDateUnderflow: 'Paling awal {min}.',
  validityDateOverflow: 'Paling akhir {max}.',
  validityStep: 'Nilai ini tidak dapat dipakai: pilih nilai terdekat yang diterima isian ini.',
  validityBadInput: 'Isian ini tidak terbaca: tulis angka atau tanggal yang lengkap.',
};

export const validityMessagesEn: Record<keyof typeof validityMessagesId, string> = {
  validityMissing: 'Please fill in this field.',
  validityMissingSelect: 'Please choose one from the list.',
  validityMissingCheck: 'Tick this box to go on.',
  validityEmail: 'Write a full e-mail address, e.g. name@example.go.id.',
  validityUrl: 'Write a full web address, e.g. https://example.go.id/receive.',
  validityPattern: 'This does not have the form asked for.',
  validityTooShort: 'At least {min} characters (now {n}).',
  validityTooLong: 'At most {max} characters (now {n}).',
  validityUnderflow: 'At least {min}.',
  validityOverflow: 'At most {max}.',
  validityDateUnderflow: 'No earlier than {min}.',
  validityDateOverflow: 'No later than {max}.',
  validityStep: 'This value cannot be used: choose the nearest value the field accepts.',
  validityBadInput: 'This cannot be read: write a complete number or date.',
};

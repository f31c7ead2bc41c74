import { channelText } from './channel-words';

describe('channel names across regencies', () => {
  it('names a channel by its kind, in the page language, with the SOP label as detail when it differs', () => {
    // Lumajang's "HP/WA" and Metro's "WA" are both WhatsApp
    expect(channelText('whatsapp', 'HP/WA', 'id')).toBe('WhatsApp (HP/WA)');
    expect(channelText('whatsapp', 'WA', 'id')).toBe('WhatsApp (WA)');
    expect(channelText('telepon', 'telp', 'id')).toBe('Telepon (telp)');
    expect(channelText('facebook', 'Fanspage', 'en')).toBe('Facebook (Fanspage)');
    // a label that only spells the kind adds nothing
    expect(channelText('email', 'email', 'id')).toBe('Email');
    expect(channelText('kotak-pengaduan', 'Kotak Pengaduan', 'id')).toBe('Kotak pengaduan');
    expect(channelText('kotak-pengaduan', 'Kotak Pengaduan', 'en')).toBe('Complaint box');
    expect(channelText('surat', 'Surat', 'en')).toBe('Letter');
    // an unknown kind keeps the SOP's label
    expect(channelText('merpati', 'Burung merpati', 'id')).toBe('Burung merpati');
  });
});
